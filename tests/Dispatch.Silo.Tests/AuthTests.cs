using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Dispatch.Grains.Auth;
using Dispatch.Silo.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Silo.Tests;

public sealed class AuthTests(SqliteSiloFixture fixture) : IClassFixture<SqliteSiloFixture>
{
    private SiloHarness Silo => fixture.Silo;

    [Fact]
    public async Task AdminEndpoint_NoKey_Returns401Problem()
    {
        using var client = Silo.Anonymous();
        using var response = await client.GetAsync("/v1/admin/keys");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminEndpoint_UnknownKey_Returns401Problem()
    {
        using var client = Silo.WithKey(ApiKeySecret.NewKey());
        using var response = await client.GetAsync("/v1/admin/keys");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AdminEndpoint_NotBearerScheme_Returns401Problem()
    {
        using var client = Silo.Anonymous();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Silo.ReadAdminKey())));
        using var response = await client.GetAsync("/v1/admin/keys");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(ApiRoles.Agent)]
    [InlineData(ApiRoles.Planner)]
    public async Task AdminEndpoint_NonAdminRole_Returns403Problem(string role)
    {
        var key = await CreateKeyAsync("tester", role);
        using var client = Silo.WithKey(key);
        using var response = await client.GetAsync("/v1/admin/keys");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CreateKey_Admin_Returns201WithKeyShownOnceAndListedWithoutIt()
    {
        using var admin = Silo.Admin();
        using var created = await admin.PostAsJsonAsync("/v1/admin/keys", new { name = "night shift", role = "agent" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var id = body.GetProperty("id").GetString()!;
        var key = body.GetProperty("key").GetString()!;
        Assert.Equal("night shift", body.GetProperty("name").GetString());
        Assert.Equal("agent", body.GetProperty("role").GetString());
        Assert.Equal($"/v1/admin/keys/{id}", created.Headers.Location?.OriginalString);

        var listText = await admin.GetStringAsync("/v1/admin/keys");
        var item = JsonDocument.Parse(listText).RootElement.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetString() == id);
        Assert.Equal("agent", item.GetProperty("role").GetString());
        Assert.True(item.TryGetProperty("createdAt", out _));
        Assert.False(item.TryGetProperty("key", out _));
        Assert.DoesNotContain(key, listText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateKey_UnknownRoleAndNoName_Returns400WithErrorsByField()
    {
        using var admin = Silo.Admin();
        using var response = await admin.PostAsJsonAsync("/v1/admin/keys", new { role = "root" });
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("role", out _));
    }

    [Fact]
    public async Task RevokedKey_NextRequest_Returns401()
    {
        var created = await CreateKeyRecordAsync("to revoke", ApiRoles.Admin);
        using var revokedClient = Silo.WithKey(created.Key);
        using (var before = await revokedClient.GetAsync("/v1/admin/keys"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var admin = Silo.Admin();
        using (var deleted = await admin.DeleteAsync($"/v1/admin/keys/{created.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var after = await revokedClient.GetAsync("/v1/admin/keys");
        await ProblemAssert.IsProblemAsync(after, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task DeleteKey_UnknownId_Returns404Problem()
    {
        using var admin = Silo.Admin();
        using var response = await admin.DeleteAsync("/v1/admin/keys/key_does_not_exist");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Keys_AtRest_AreHashedNeverPlain()
    {
        var adminKey = Silo.ReadAdminKey();
        var other = await CreateKeyRecordAsync("hash check", ApiRoles.Planner);

        var stored = ReadDatabaseFiles();
        Assert.DoesNotContain(adminKey, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Key, stored, StringComparison.Ordinal);
        // The hash is there: the search above looked in the right place.
        Assert.Contains(ApiKeySecret.Hash(other.Key), stored, StringComparison.Ordinal);
    }

    [Fact]
    public void AdminKeyFile_OnUnix_IsReadableByOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Silo.AdminKeyFile));
    }

    [Theory]
    [InlineData(AuthPolicies.Agent, "agent,admin")]
    [InlineData(AuthPolicies.Planner, "planner,admin")]
    [InlineData(AuthPolicies.Admin, "admin")]
    [InlineData(AuthPolicies.Reader, "agent,planner,admin")]
    public async Task Policy_EachRole_AllowsExactlyTheListedRoles(string policy, string allowed)
    {
        var authorization = Silo.Services.GetRequiredService<IAuthorizationService>();
        foreach (var role in ApiRoles.All)
        {
            var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"));
            var result = await authorization.AuthorizeAsync(principal, null, policy);
            Assert.True(
                allowed.Split(',').Contains(role) == result.Succeeded,
                $"policy {policy}, role {role}: succeeded={result.Succeeded}");
        }
    }

    private async Task<string> CreateKeyAsync(string name, string role) => (await CreateKeyRecordAsync(name, role)).Key;

    private async Task<(string Id, string Key)> CreateKeyRecordAsync(string name, string role)
    {
        using var admin = Silo.Admin();
        using var response = await admin.PostAsJsonAsync("/v1/admin/keys", new { name, role });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (body.GetProperty("id").GetString()!, body.GetProperty("key").GetString()!);
    }

    // The database file and its WAL, as text (the JSON grain state is stored as UTF-8).
    private string ReadDatabaseFiles()
    {
        var builder = new StringBuilder();
        foreach (var file in Directory.GetFiles(Silo.DataDir, "dispatch.db*"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            builder.Append(reader.ReadToEnd());
        }

        return builder.ToString();
    }
}
