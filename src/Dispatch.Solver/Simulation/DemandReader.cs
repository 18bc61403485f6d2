using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Geography;
using Dispatch.Solver.Network;
using Dispatch.Solver.Validation;
using NetTopologySuite.Geometries.Prepared;

namespace Dispatch.Solver.Simulation;

/// <summary>Checks the <c>demand</c> of a scenario request and turns it into the run's calls and horizon.</summary>
internal static class DemandReader
{
    public const string Path = "demand";
    public const int MaxReplayed = 1_000_000;
    public const double MaxDays = 400;
    public const double MaxRatePerDay = 200_000;
    public const double MaxSurgeFactor = 100;
    public const double MaxGeneratedCalls = 3_000_000;

    public sealed record Calls(IReadOnlyList<SimulatedCall> List, DateTimeOffset HorizonStart, DateTimeOffset HorizonEnd);

    /// <summary>Replays the given incidents or generates calls; null (with the errors recorded) when the demand is invalid.</summary>
    /// <param name="errors">Collects every error, under <c>demand</c>.</param>
    /// <param name="demand">The request's <c>demand</c>: exactly one of <c>incidents</c> and <c>generate</c>.</param>
    /// <param name="network">The base network: both runs take the same calls, drawn from its demand points.</param>
    public static Calls? Read(ValidationErrorSink errors, DemandDocument? demand, CompiledNetwork network)
    {
        if (!errors.Require(Path, demand))
        {
            return null;
        }

        if ((demand!.Incidents is null) == (demand.Generate is null))
        {
            errors.Add(Path, "give exactly one of \"incidents\" (replayed calls) and \"generate\"");
            return null;
        }

        return demand.Incidents is { } incidents ? Replay(errors, incidents) : Generate(errors, demand.Generate!, network);
    }

    private static Calls? Replay(ValidationErrorSink errors, IReadOnlyList<IncidentRequest> incidents)
    {
        var path = $"{Path}.incidents";
        if (incidents.Count == 0 || incidents.Count > MaxReplayed)
        {
            errors.Add(path, $"must hold from 1 to {MaxReplayed} incidents (was {incidents.Count})");
            return null;
        }

        var calls = new List<SimulatedCall>(incidents.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var before = errors.Errors.Count;
        for (var i = 0; i < incidents.Count; i++)
        {
            var at = JsonPathText.Index(path, i);
            var request = incidents[i];
            if (request is null)
            {
                errors.Add(at, "is required");
                continue;
            }

            var valid = true;
            if (request.Id is null)
            {
                errors.Add($"{at}.id", "is required: replayed calls are ordered by reportedAt, then id");
                valid = false;
            }
            else if (!ids.Add(request.Id))
            {
                errors.Add($"{at}.id", $"{ValidationErrorSink.Quote(request.Id)} is used by an earlier incident");
                valid = false;
            }

            if (request.ReportedAt is null)
            {
                errors.Add($"{at}.reportedAt", "is required: a replayed call happens at its own time");
                valid = false;
            }

            var checkedIncident = IncidentValidator.Validate(request, DateTimeOffset.UnixEpoch);
            foreach (var e in checkedIncident.Errors)
            {
                errors.Add(e.Path.Length == 0 ? at : $"{at}.{e.Path}", e.Message);
            }

            if (valid && checkedIncident.IsValid)
            {
                calls.Add(new SimulatedCall(request.Id!, checkedIncident.Incident));
            }
        }

        if (errors.Errors.Count > before)
        {
            return null;
        }

        calls.Sort((a, b) => a.Incident.ReportedAt != b.Incident.ReportedAt
            ? a.Incident.ReportedAt.CompareTo(b.Incident.ReportedAt)
            : string.CompareOrdinal(a.Id, b.Id));
        return new Calls(calls, calls[0].Incident.ReportedAt, calls[^1].Incident.ReportedAt);
    }

    private static Calls? Generate(ValidationErrorSink errors, DemandGenerationDocument generate, CompiledNetwork network)
    {
        var path = $"{Path}.generate";
        var before = errors.Errors.Count;
        errors.Require($"{path}.start", (object?)generate.Start);
        if (generate.Start is { } start && (start.UtcDateTime.Year < 2000 || start.UtcDateTime.Year > 2200))
        {
            errors.Add($"{path}.start", "must be an ISO-8601 time between 2000 and 2200");
        }

        var days = generate.Days;
        if (errors.RequireNumber($"{path}.days", days, LowerBound.Positive) && days > MaxDays)
        {
            errors.Add($"{path}.days", $"must be at most {MaxDays} (was {ValidationErrorSink.Format(days!.Value)})");
        }

        var rate = generate.RatePerDay;
        if (errors.RequireNumber($"{path}.ratePerDay", rate, LowerBound.Positive) && rate > MaxRatePerDay)
        {
            errors.Add($"{path}.ratePerDay", $"must be at most {MaxRatePerDay} (was {ValidationErrorSink.Format(rate!.Value)})");
        }

        CheckMix(errors, $"{path}.mix", generate.Mix, network);
        var surges = CheckSurges(errors, $"{path}.surges", generate.Surges, network);
        if (errors.Errors.Count > before)
        {
            return null;
        }

        // A bound of the expected count, as if every surge covered the whole network for its part of the span.
        var spanStart = generate.Start!.Value;
        var spanEnd = spanStart.AddTicks((long)Math.Round(days!.Value * TimeSpan.TicksPerDay));
        var bound = surges.Aggregate(rate!.Value * days.Value, (n, s) =>
        {
            var overlap = (Min(s.To, spanEnd) - Max(s.From, spanStart)).TotalDays;
            return n * (1 + (Math.Max(1, s.Factor) - 1) * Math.Max(0, overlap) / days.Value);
        });
        if (bound > MaxGeneratedCalls)
        {
            errors.Add(path, $"could generate about {ValidationErrorSink.Format(Math.Round(bound))} calls; at most {MaxGeneratedCalls} are allowed");
            return null;
        }

        var mix = DemandMix.Create(network, generate.Mix);
        var generator = new DemandGenerator(network, mix);
        if (!generator.HasDemand)
        {
            errors.Add(path, "the network has no demand point with a positive weight inside a region to generate calls from");
            return null;
        }

        if (network.Faults.Count == 0 && generate.Mix?.Faults is null)
        {
            errors.Add(path, "the network's fault catalog is empty, so there is no fault to generate");
            return null;
        }

        var begin = generate.Start!.Value.ToUniversalTime();
        var list = generator.Generate(begin, days.Value, rate.Value, generate.Seed ?? 1, surges);
        return new Calls(list, begin, begin.AddTicks((long)Math.Round(days.Value * TimeSpan.TicksPerDay)));
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static void CheckMix(ValidationErrorSink errors, string path, DemandMixDocument? mix, CompiledNetwork network)
    {
        if (mix is null)
        {
            return;
        }

        CheckTable(errors, $"{path}.faults", mix.Faults, name => network.Faults.ContainsKey(name) ? null : "is not a fault of the network's catalog");
        CheckTable(errors, $"{path}.powertrains", mix.Powertrains, name => DocumentVocabulary.Powertrains.Contains(name, StringComparer.Ordinal) ? null : "must be one of bev, erev, phev, ice");
        CheckTable(errors, $"{path}.priorities", mix.Priorities, name => DocumentVocabulary.Priorities.Contains(name, StringComparer.Ordinal) ? null : "must be one of p1, p2, p3");
        CheckTable(errors, $"{path}.tireSpecs", mix.TireSpecs, name =>
            name.Length is > 0 and <= IncidentValidator.MaxTireSpecLength && !name.Any(char.IsControl) && !string.IsNullOrWhiteSpace(name) ? null : "is not a tyre spec");
        if (mix.ExpresswayShare is { } share && (!double.IsFinite(share) || share is < 0 or > 1))
        {
            errors.Add($"{path}.expresswayShare", $"must be from 0 to 1 (was {ValidationErrorSink.Format(share)})");
        }
    }

    private static void CheckTable(ValidationErrorSink errors, string path, IReadOnlyDictionary<string, double>? table, Func<string, string?> nameProblem)
    {
        if (table is null)
        {
            return;
        }

        var positive = false;
        foreach (var (name, weight) in table)
        {
            var at = JsonPathText.Member(path, name);
            if (nameProblem(name) is { } problem)
            {
                errors.Add(at, problem);
            }

            if (errors.CheckNumber(at, weight, LowerBound.NonNegative))
            {
                positive |= weight > 0;
            }
        }

        if (!positive)
        {
            errors.Add(path, "needs at least one positive weight");
        }
    }

    private static List<CompiledSurge> CheckSurges(ValidationErrorSink errors, string path, IReadOnlyList<SurgeDocument>? surges, CompiledNetwork network)
    {
        var compiled = new List<CompiledSurge>();
        for (var i = 0; i < (surges?.Count ?? 0); i++)
        {
            var at = JsonPathText.Index(path, i);
            var s = surges![i];
            if (s is null)
            {
                errors.Add(at, "is required");
                continue;
            }

            var before = errors.Errors.Count;
            var region = -1;
            IPreparedGeometry? zone = null;
            if ((s.Region is null) == (s.Zone is null))
            {
                errors.Add(at, "give exactly one of \"region\" (a region code) and \"zone\" (a GeoJSON Polygon or MultiPolygon)");
            }
            else if (s.Region is not null)
            {
                region = Array.FindIndex(network.Regions, r => r.Code == s.Region);
                if (region < 0)
                {
                    errors.Add($"{at}.region", $"unknown region {ValidationErrorSink.Quote(s.Region)}");
                }
            }
            else if (!GeoJsonGeometry.TryParsePolygonal(s.Zone, out var geometry, out var error))
            {
                errors.Add($"{at}.zone", error!);
            }
            else
            {
                zone = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(geometry);
            }

            errors.Require($"{at}.from", (object?)s.From);
            errors.Require($"{at}.to", (object?)s.To);
            if (s.From is { } from && s.To is { } to && from >= to)
            {
                errors.Add($"{at}.to", "must be after \"from\"");
            }

            if (errors.RequireNumber($"{at}.factor", s.Factor, LowerBound.NonNegative) && s.Factor > MaxSurgeFactor)
            {
                errors.Add($"{at}.factor", $"must be at most {MaxSurgeFactor} (was {ValidationErrorSink.Format(s.Factor!.Value)})");
            }

            if (errors.Errors.Count == before)
            {
                compiled.Add(new CompiledSurge(region, zone, s.From!.Value.ToUniversalTime(), s.To!.Value.ToUniversalTime(), s.Factor!.Value));
            }
        }

        return compiled;
    }
}
