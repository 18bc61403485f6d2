namespace Dispatch.Solver.Batch;

/// <summary>Why an incident of a batch was left unassigned.</summary>
public static class BatchReasonCodes
{
    /// <summary>No option at all (or only options whose part is out of stock).</summary>
    public const string NoEligibleUnit = "no_eligible_unit";

    /// <summary>Every resource that could serve it went to another incident of the batch.</summary>
    public const string UnitsTakenByOtherIncidents = "units_taken_by_other_incidents";

    /// <summary>Every option was blocked by another incident: its resource was taken or its part stock used up,
    /// and at least one by the part.</summary>
    public const string PartsTakenByOtherIncidents = "parts_taken_by_other_incidents";

    /// <summary>Some option was still free, but sending it costs more (cost and coverage lost) than the penalty of
    /// leaving the incident unassigned.</summary>
    public const string CheaperUnassigned = "cheaper_unassigned";
}
