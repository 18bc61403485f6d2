using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Grains.Incidents;

/// <summary>Persisted case (version 1 of the layout; new members take new ids).</summary>
[GenerateSerializer]
public sealed class IncidentCaseState
{
    [Id(0)] public IncidentRequest? Request { get; set; }
    [Id(1)] public Incident? Incident { get; set; }
    [Id(2)] public string Status { get; set; } = CaseStatus.Open;
    [Id(3)] public AssignmentView? Assignment { get; set; }
    [Id(4)] public List<TimelineEntry> Timeline { get; set; } = [];

    /// <summary>The request as first received, to tell a retry from a different request with the same id.</summary>
    [Id(5)] public string? Fingerprint { get; set; }

    public bool Exists => Request is not null;

    public IncidentCaseState Clone() => new()
    {
        Request = Request,
        Incident = Incident,
        Status = Status,
        Assignment = Assignment,
        Timeline = [.. Timeline],
        Fingerprint = Fingerprint,
    };
}
