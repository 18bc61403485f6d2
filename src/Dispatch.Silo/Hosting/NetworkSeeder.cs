using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Incidents;
using Dispatch.Grains.Networks;
using Dispatch.Solver.Documents;
using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Hosting;

/// <summary>At start-up: loads the bundled demo network into an empty store, then wakes the dispatcher so that its
/// index is built before the first call. <c>Dispatch:SeedNetwork</c> names another file, or <c>none</c>.</summary>
public sealed class NetworkSeeder(IGrainFactory grains, IOptions<DataOptions> options, ILogger<NetworkSeeder> logger) : IHostedService
{
    public const string DemoNetworkFile = "data/demo-network.json";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var stored = await grains.GetGrain<INetworkGrain>(IncidentGrain.Network).GetAsync();
        var dispatcher = grains.GetGrain<IDispatcherGrain>(IncidentGrain.Network);
        var seed = options.Value.SeedNetwork;
        if (stored.DocumentJson is null && seed != DataOptions.NoSeed)
        {
            var path = ResolveSeed(seed);
            if (path is null)
            {
                logger.NoSeedNetwork();
            }
            else
            {
                var document = DocumentJson.ParseNetwork(await File.ReadAllTextAsync(path, cancellationToken));
                var change = await dispatcher.ReplaceNetworkAsync(document);
                if (change.Status != NetworkChangeStatus.Accepted)
                {
                    throw new InvalidOperationException($"The seed network {path} is invalid: " +
                        string.Join("; ", change.Errors.Take(5).Select(e => $"{e.Path}: {e.Message}")));
                }

                logger.NetworkSeeded(path, change.Version);
            }
        }

        await dispatcher.GetReservationsAsync();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string? ResolveSeed(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : throw new FileNotFoundException("The seed network file does not exist.", configured);
        }

        var bundled = Path.Combine(AppContext.BaseDirectory, DemoNetworkFile);
        return File.Exists(bundled) ? bundled : null;
    }
}
