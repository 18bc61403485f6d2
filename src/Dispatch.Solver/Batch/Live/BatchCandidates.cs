using Dispatch.Solver.Dispatching;

namespace Dispatch.Solver.Batch.Live;

/// <summary>What the engine found for one incident of a batch: its context (null outside the served area), its
/// priority weight and unassigned penalty, and its options both as the engine ranks them and as the batch solver
/// sees them (the same positions; <see cref="BatchOption.Payload"/> is that position).</summary>
internal sealed class BatchCandidates(string id, IncidentContext? context, double priorityWeight, double unassignedPenalty)
{
    public string Id { get; } = id;

    public IncidentContext? Context { get; } = context;

    public double PriorityWeight { get; } = priorityWeight;

    public double UnassignedPenalty { get; } = unassignedPenalty;

    public List<CandidateOption> Options { get; } = [];

    /// <summary>Engine resource index and part key per option.</summary>
    public List<(int Resource, PartKey? Part)> Slots { get; } = [];

    /// <summary>The option's cost in the batch objective: its score without the coverage term.</summary>
    public static double CostOf(in CandidateOption option) =>
        option.EtaMin + option.ModePenaltyMin + option.CrossRegionPenaltyMin + option.PartnerPenaltyMin;
}
