using Dispatch.Cli.Input;
using Dispatch.Solver.Placement;

namespace Dispatch.Cli.Planning;

/// <summary>Turns the options and their files into the body of <c>POST /v1/planning/placement</c> (DESIGN §4.3), the
/// same body whether it is solved here or on a silo.</summary>
public static class PlanRequestFactory
{
    public static PlacementRequest Create(PlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<InputError>();
        var candidates = JsonInputFile.TryRead<List<PlacementSite>>("--candidates", input.CandidatesFile, errors);
        var demand = JsonInputFile.TryRead<List<PlacementDemandPoint>>("--demand", input.DemandFile, errors);
        var matrix = JsonInputFile.TryRead<PlacementTravelMatrix>("--travel-matrix", input.TravelMatrixFile, errors);
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return new PlacementRequest
        {
            Model = input.Model,
            K = input.K,
            ResourceType = input.ResourceType,
            Candidates = candidates is null ? PlacementCandidates.Centers : PlacementCandidates.Of(candidates),
            Demand = demand,
            StandardMin = input.StandardMin,
            Existing = input.Existing ? true : null,
            TravelMatrix = matrix,
            TimeLimitMs = input.TimeLimitMs,
        };
    }
}
