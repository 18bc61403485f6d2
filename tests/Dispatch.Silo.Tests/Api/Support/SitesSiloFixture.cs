using System.Net;

namespace Dispatch.Silo.Tests.Api.Support;

/// <summary>A silo of its own per test class, loaded with <see cref="SitesNetwork"/> through <c>PUT /v1/network</c>.</summary>
public class SitesSiloFixture : IAsyncLifetime
{
    public SitesSiloFixture()
        : this(captureLogs: false)
    {
    }

    protected SitesSiloFixture(bool captureLogs)
    {
        Silo = SiloHarness.ForApi(SiloHarness.NoSeed, captureLogs);
    }

    public SiloHarness Silo { get; }

    public virtual async Task InitializeAsync()
    {
        Silo.Start();
        using var admin = Silo.Admin();
        await admin.PutJsonAsync("/v1/network", SitesNetwork.Build()).ExpectAsync(HttpStatusCode.OK);
    }

    public async Task DisposeAsync() => await Silo.DisposeAsync();
}

/// <summary>The same, with every log entry of the silo captured.</summary>
public sealed class LoggedSitesSiloFixture() : SitesSiloFixture(captureLogs: true);
