using Dispatch.Solver.Documents;

namespace Dispatch.Cli.Input;

/// <summary>Turns the options and their files into the body of <c>POST /v1/scenarios</c>, without a base:
/// the backend sets it ("live" on a silo, the network file in-process).</summary>
public static class ScenarioRequestFactory
{
    public static ScenarioRequest Create(RunInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<InputError>();
        var changes = TryRead<ScenarioChanges>("--changes", input.ChangesFile, errors);
        var surges = TryRead<List<SurgeDocument>>("--surges", input.SurgesFile, errors);
        var replay = TryRead<List<IncidentRequest>>("--replay", input.ReplayFile, errors);
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return new ScenarioRequest
        {
            Name = input.Name,
            Changes = changes,
            Demand = replay is not null
                ? new DemandDocument { Incidents = replay }
                : new DemandDocument
                {
                    Generate = new DemandGenerationDocument
                    {
                        Start = input.Start,
                        Days = input.Days,
                        RatePerDay = input.RatePerDay,
                        Seed = input.Seed,
                        Surges = surges,
                    },
                },
            Policy = input.Policy,
            BaselinePolicy = input.BaselinePolicy,
            MaxWaitMin = input.MaxWaitMin,
        };
    }

    // Reads every file before failing, so one run shows all the broken files at once.
    private static T? TryRead<T>(string option, string? path, List<InputError> errors)
        where T : class
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            return JsonInputFile.Read<T>(option, path);
        }
        catch (InvalidInputException invalid)
        {
            errors.AddRange(invalid.Errors);
            return null;
        }
    }
}
