using System.Globalization;
using System.Text.Json;
using Dispatch.Load.Api;
using Dispatch.Load.Audit;
using Dispatch.Load.Baseline;
using Dispatch.Load.Cli;
using Dispatch.Load.Helpers;
using Dispatch.Load.Operations;
using Dispatch.Load.RawStorage;
using Dispatch.Load.Reporting;
using Dispatch.Load.Scheduling;
using Dispatch.SiloLauncher;
using Dispatch.Load.Workload;

namespace Dispatch.Load;

/// <summary>One invocation: optionally start a silo, drive it, audit it, compare with the baselines, report.</summary>
public sealed class LoadCommand(LoadOptions options, TimeProvider time, TextWriter output)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (options.ServeBarePort is { } port)
        {
            return await ServeBareCommand.RunAsync(port, output, cancellationToken).ConfigureAwait(false);
        }

        if (options.WriteBodies is not null && options.Url is not null)
        {
            using var api = new DispatchApiClient(options.Url, ResolveKey(null), 1, options.RequestTimeout, time);
            return await WriteBodiesCommand.WriteAsync(api, options.WriteBodies, options.BodiesCount, options.Seed, options.JitterKm, output, cancellationToken).ConfigureAwait(false);
        }

        var failures = new List<string>();
        var startedAt = time.GetUtcNow();
        var idPrefix = options.IdPrefix ?? string.Create(CultureInfo.InvariantCulture, $"ld-{options.Seed}-{startedAt.ToUnixTimeSeconds():x}");
        SiloProcess? silo = null;
        BareServerProcess? bareServer = null;
        PhaseReport? ceiling = null;
        PhaseReport? engine = null;
        AuditResult? audit = null;
        BaselineReport? baseline = null;
        RawStorageReport? raw = null;
        try
        {
            Uri? bareAddress = null;
            if (options.Ceiling || options.Baseline)
            {
                if (options.BareUrl is null)
                {
                    bareServer = await BareServerProcess.StartAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
                }

                bareAddress = options.BareUrl ?? bareServer!.Address;
                var bare = new BareRun(options, time);
                output.WriteLine($"Generator ceiling: driving the bare endpoint {bareAddress}bare at {options.BaselineSaturationRate:0}/s for {bare.Warmup.TotalSeconds:0.#}s warm-up + {bare.Duration.TotalSeconds:0.#}s ({options.Connections} connections, max {options.MaxInFlight} in flight)");
                ceiling = await bare.DriveAsync(bareAddress, options.BaselineSaturationRate, cancellationToken).ConfigureAwait(false);
                output.WriteLine($"Generator ceiling: {ceiling.AchievedRequestsPerSecond:0} requests/s");
            }

            var target = options.Url;
            string? siloKey = null;
            if (options.StartSilo is not null)
            {
                var dll = options.StartSilo.Length > 0 ? options.StartSilo : SiloProcess.FindSiloDll(Environment.CurrentDirectory)
                    ?? throw new FileNotFoundException("No Dispatch.Silo.dll found under src/Dispatch.Silo/bin; build it or pass its path to --start-silo.");
                // One admin key drives the whole run, far past any person's pace: the per-key rate limits would measure
                // themselves, not the engine.
                silo = SiloProcess.Start(dll, new Dictionary<string, string> { ["Dispatch__RateLimits__Enabled"] = "false" }, directoryPrefix: "dispatch-load-");
                output.WriteLine($"Started the silo at {silo.Address} with data in {silo.DataDirectory}");
                siloKey = await silo.WaitUntilReadyAsync(options.SiloReadyTimeout, time, cancellationToken).ConfigureAwait(false);
                target = silo.Address;
            }

            if (target is not null)
            {
                (engine, audit) = await DriveEngineAsync(target, ResolveKey(siloKey), idPrefix, failures, cancellationToken).ConfigureAwait(false);
            }

            if (options.Baseline)
            {
                output.WriteLine($"Driving the bare endpoint {bareAddress}bare at {options.Rate:0.##}/s");
                var sameRate = await new BareRun(options, time).DriveAsync(bareAddress!, options.Rate, cancellationToken).ConfigureAwait(false);
                baseline = BaselineReport.Of(sameRate, ceiling!, engine, options.CeilingShare);
            }

            if (silo is not null && silo.HasExited)
            {
                failures.Add("the silo exited during the run");
            }

            if (options.RawStorage is not null)
            {
                var file = options.RawStorage == "auto" ? FindSiloDatabase(silo!) : options.RawStorage;
                output.WriteLine($"Measuring raw single-row upserts on {file} for {options.RawStorageDuration.TotalSeconds:0.#}s");
                var result = await new RawStorageBenchmark(time).RunAsync(file, options.RawStorageDuration, cancellationToken).ConfigureAwait(false);
                var commits = engine?.DispatchCommitsPerSecond;
                raw = new RawStorageReport(file, result, commits, commits is { } c && result.UpsertsPerSecond > 0 ? c / result.UpsertsPerSecond : null);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failures.Add($"the run could not complete: {error.GetType().Name}: {error.Message}");
            if (silo is not null)
            {
                output.WriteLine("--- silo log tail ---");
                output.WriteLine(silo.LogTail());
                output.WriteLine("---------------------");
            }
        }
        finally
        {
            if (bareServer is not null)
            {
                await bareServer.DisposeAsync().ConfigureAwait(false);
            }

            if (silo is not null)
            {
                await silo.DisposeAsync().ConfigureAwait(false);
                if (failures.Count == 0)
                {
                    TryDelete(silo.DataDirectory);
                    output.WriteLine("Stopped the silo and removed its temporary data directory");
                }
                else
                {
                    output.WriteLine($"Stopped the silo; its data and log (silo.log) stay in {silo.DataDirectory}");
                }
            }
        }

        var report = new LoadReport(
            "Dispatch.Load",
            startedAt,
            new RunConfiguration(
                silo?.Address.ToString() ?? options.Url?.ToString() ?? "(none)",
                options.Rate,
                options.Duration.TotalSeconds,
                options.Warmup.TotalSeconds,
                options.Mix.ToString(),
                options.Seed,
                options.MaxInFlight,
                options.Connections,
                idPrefix,
                Environment.ProcessorCount,
                Environment.MachineName),
            ceiling,
            engine is null ? null : engine with { Claim = ThroughputClaim.Judge(engine, ceiling, options.CeilingShare) },
            audit,
            baseline,
            raw,
            failures);
        output.WriteLine();
        output.Write(TableWriter.Write(report));
        if (options.JsonPath is not null)
        {
            await File.WriteAllTextAsync(options.JsonPath, JsonSerializer.Serialize(report, ReportJson.Options), CancellationToken.None).ConfigureAwait(false);
            output.WriteLine($"JSON report: {options.JsonPath}");
        }

        return report.Passed ? 0 : 1;
    }

    private async Task<(PhaseReport Engine, AuditResult Audit)> DriveEngineAsync(
        Uri target, string? key, string idPrefix, List<string> failures, CancellationToken cancellationToken)
    {
        using var api = new DispatchApiClient(target, key, options.Connections, options.RequestTimeout, time);
        var networkAnswer = await api.GetNetworkAsync(cancellationToken).ConfigureAwait(false);
        if (!networkAnswer.IsSuccess)
        {
            throw new InvalidOperationException($"GET /v1/network answered {networkAnswer.Status}; cannot draw incidents. {networkAnswer.Body}");
        }

        var network = NetworkViewParser.Parse(networkAnswer.Body);
        output.WriteLine($"Network: {network.Centers.Count} centers, {network.Centers.Sum(c => c.Resources.Count)} resources, {network.DemandPoints.Count} demand points, {network.Faults.Count} faults, {network.TireSpecs.Count} tyre specs");
        var startStock = network.StockLevels();
        var incidents = new IncidentFactory(network, options.JitterKm);
        var ledger = new RunLedger();
        var operations = new ILoadOperation[]
        {
            new RecommendOperation(incidents),
            new DispatchOperation(incidents, ledger, idPrefix),
            new AutoDispatchOperation(incidents, ledger, idPrefix + "a"),
            new LifecycleEventOperation(ledger),
            new CancelOperation(ledger),
            new StockOperation(network, ledger),
        }.ToDictionary(o => o.Kind);
        var planner = new ArrivalPlanner(options.Mix, options.Seed);

        output.WriteLine($"Driving {target} at {options.Rate:0.##}/s for {options.Warmup.TotalSeconds:0.#}s warm-up + {options.Duration.TotalSeconds:0.#}s");
        var run = await new LoadRun(time, api, operations, planner.Plan, planner.KindOf, options.MaxInFlight, options.Connections)
            .RunAsync(options.Rate, options.Warmup, options.Duration, cancellationToken).ConfigureAwait(false);
        var engine = PhaseReportBuilder.Build(run);

        await Task.Delay(options.Quiesce, time, cancellationToken).ConfigureAwait(false);
        output.WriteLine("Auditing through the API");
        var input = await new AuditCollector(api).CollectAsync(startStock, ledger, cancellationToken).ConfigureAwait(false);
        var audit = InvariantAudit.Check(input);

        failures.AddRange(RunVerdict.Failures(run, audit, options.Mix));
        return (engine, audit);
    }

    private string? ResolveKey(string? siloKey)
    {
        if (options.Key is not null)
        {
            return options.Key;
        }

        if (options.KeyFile is not null)
        {
            return File.ReadAllText(options.KeyFile).Trim();
        }

        return siloKey ?? Environment.GetEnvironmentVariable("DISPATCH_API_KEY");
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindSiloDatabase(SiloProcess silo)
    {
        string[] patterns = ["*.db", "*.sqlite", "*.sqlite3"];
        return patterns.SelectMany(p => Directory.EnumerateFiles(silo.DataDirectory, p, SearchOption.AllDirectories)).Order(StringComparer.Ordinal).FirstOrDefault()
            ?? throw new FileNotFoundException($"No SQLite file (*.db, *.sqlite, *.sqlite3) in the silo's data directory {silo.DataDirectory}.");
    }
}
