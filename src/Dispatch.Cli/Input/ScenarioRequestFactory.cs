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
        var changes = JsonInputFile.TryRead<ScenarioChanges>("--changes", input.ChangesFile, errors);
        var surges = JsonInputFile.TryRead<List<SurgeDocument>>("--surges", input.SurgesFile, errors);
        var replay = JsonInputFile.TryRead<List<IncidentRequest>>("--replay", input.ReplayFile, errors);
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
}
