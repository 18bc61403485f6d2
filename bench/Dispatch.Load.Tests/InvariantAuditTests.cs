using Dispatch.Load.Api;
using Dispatch.Load.Audit;
using Dispatch.Load.Workload;

namespace Dispatch.Load.Tests;

public class InvariantAuditTests
{
    private const string Tire = "TIRE-255/45R20";
    private static readonly StockKey LhasaTire = new("c-lhasa", Tire);

    [Fact]
    public void Check_ConsistentSnapshots_Passes()
    {
        var audit = InvariantAudit.Check(new Scenario().Input());

        Assert.True(audit.Passed, string.Join("; ", audit.Violations));
        Assert.Equal(3, audit.Figures.IncidentsCreated);
        Assert.Equal(1, audit.Figures.HoldingAssignment);
        Assert.Equal(1, audit.Figures.Completed);
        Assert.Equal(1, audit.Figures.PartsConsumed);
    }

    [Fact]
    public void Check_UnitHeldByTwoOpenIncidents_ReportsDoubleBooking()
    {
        var scenario = new Scenario();
        scenario.Cases["i-9"] = new IncidentCase("i-9", "enroute", new Assignment("r-van1", "c-lhasa", "onsite", null));

        var audit = InvariantAudit.Check(scenario.Input());

        var violation = Assert.Single(audit.Violations, v => v.Code == AuditCodes.DoubleBooked);
        Assert.Equal("r-van1", violation.Subject);
    }

    [Fact]
    public void Check_ReservedAboveOpenHolds_ReportsMismatch()
    {
        var scenario = new Scenario();
        scenario.EndStock[LhasaTire] = new StockCount(3, 2);

        var audit = InvariantAudit.Check(scenario.Input());

        Assert.Contains(audit.Violations, v => v.Code == AuditCodes.ReservedMismatch && v.Subject == LhasaTire.ToString());
    }

    [Fact]
    public void Check_ReservedAboveOnHand_ReportsIt()
    {
        var scenario = new Scenario();
        scenario.EndStock[LhasaTire] = new StockCount(0, 1);
        scenario.StartStock[LhasaTire] = new StockCount(1, 0);

        var audit = InvariantAudit.Check(scenario.Input());

        Assert.Contains(audit.Violations, v => v.Code == AuditCodes.ReservedExceedsOnHand);
    }

    [Fact]
    public void Check_CreatedIncidentNowMissing_ReportsLostIncident()
    {
        var scenario = new Scenario();
        scenario.Cases.Remove("i-3");
        scenario.ReadFailures["i-3"] = 404;

        var audit = InvariantAudit.Check(scenario.Input());

        var violation = Assert.Single(audit.Violations);
        Assert.Equal((AuditCodes.LostIncident, "i-3"), (violation.Code, violation.Subject));
    }

    [Fact]
    public void Check_CreatedIncidentUnreadable_ReportsItsStatus()
    {
        var scenario = new Scenario();
        scenario.Cases.Remove("i-3");
        scenario.ReadFailures["i-3"] = 503;

        var audit = InvariantAudit.Check(scenario.Input());

        Assert.Contains(audit.Violations, v => v.Code == AuditCodes.UnreadableIncident && v.Message.Contains("503", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_CreateWithoutAnswerThatNeverHappened_IsNoViolation()
    {
        var scenario = new Scenario();
        scenario.Tracked.Add(new TrackedOutcome("i-maybe", Acknowledged: false, Lifecycle.Open, null, Uncertain: true));
        scenario.ReadFailures["i-maybe"] = 404;

        Assert.True(InvariantAudit.Check(scenario.Input()).Passed);
    }

    [Fact]
    public void Check_UnknownStatus_ReportsIndefiniteState()
    {
        var scenario = new Scenario();
        scenario.Cases["i-3"] = new IncidentCase("i-3", "pending", null);

        var audit = InvariantAudit.Check(scenario.Input());

        Assert.Contains(audit.Violations, v => v.Code == AuditCodes.IndefiniteState && v.Subject == "i-3");
    }

    [Fact]
    public void Check_AcknowledgedCompletionUndone_ReportsLostState()
    {
        var scenario = new Scenario();
        // The run was told i-2 completed, but the case is back en route (and holds its unit again).
        scenario.Cases["i-2"] = scenario.Cases["i-2"] with { Status = "enroute" };

        var audit = InvariantAudit.Check(scenario.Input());

        Assert.Contains(audit.Violations, v => v.Code == AuditCodes.StateWentBack && v.Subject == "i-2");
    }

    [Fact]
    public void Check_PartConsumedTwice_ReportsOnHandDrift()
    {
        var scenario = new Scenario();
        scenario.EndStock[LhasaTire] = new StockCount(1, 0);

        var audit = InvariantAudit.Check(scenario.Input());

        var violation = Assert.Single(audit.Violations, v => v.Code == AuditCodes.OnHandDrift);
        Assert.Contains("expected 2", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AcceptedStockChanges_AreCountedInOnHand()
    {
        var scenario = new Scenario();
        scenario.StockDeltas[LhasaTire] = 3;
        scenario.EndStock[LhasaTire] = new StockCount(5, 0);

        Assert.True(InvariantAudit.Check(scenario.Input()).Passed);
    }

    [Fact]
    public void Check_StockChangeWithoutAnswer_SkipsThatPairWithANote()
    {
        var scenario = new Scenario();
        scenario.EndStock[LhasaTire] = new StockCount(7, 0);
        scenario.UncertainStock.Add(LhasaTire);

        var audit = InvariantAudit.Check(scenario.Input());

        Assert.True(audit.Passed);
        Assert.Contains(audit.Notes, n => n.Contains(LhasaTire.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Check_AssignedUnitNobodyHolds_ReportsIt()
    {
        var scenario = new Scenario();
        scenario.ResourceStatus["r-fb1"] = "assigned";

        var audit = InvariantAudit.Check(scenario.Input());

        Assert.Contains(audit.Violations, v => v.Code == AuditCodes.AssignedWithoutIncident && v.Subject == "r-fb1");
    }

    [Fact]
    public void Check_HeldUnitMarkedAvailable_ReportsIt()
    {
        var scenario = new Scenario();
        scenario.ResourceStatus["r-van1"] = "available";

        var audit = InvariantAudit.Check(scenario.Input());

        Assert.Contains(audit.Violations, v => v.Code == AuditCodes.HeldResourceNotAssigned && v.Subject == "r-van1");
    }

    [Fact]
    public void Check_DispatchedCaseWithoutAssignment_ReportsIt()
    {
        var scenario = new Scenario();
        scenario.Cases["i-1"] = scenario.Cases["i-1"] with { Assignment = null };
        scenario.ResourceStatus["r-van1"] = "available";

        var audit = InvariantAudit.Check(scenario.Input());

        Assert.Contains(audit.Violations, v => v.Code == AuditCodes.HoldingWithoutAssignment && v.Subject == "i-1");
    }

    /// <summary>A consistent world: i-1 dispatched holding van1 (no part), i-2 completed with a tyre from
    /// Lhasa, i-3 open and undispatched; the tyre went from 3 on hand to 2.</summary>
    private sealed class Scenario
    {
        public Dictionary<StockKey, StockCount> StartStock { get; } = new() { [LhasaTire] = new(3, 0) };
        public Dictionary<StockKey, StockCount> EndStock { get; } = new() { [LhasaTire] = new(2, 0) };
        public Dictionary<string, string> ResourceStatus { get; } = new() { ["r-van1"] = "assigned", ["r-van2"] = "available", ["r-fb1"] = "available" };
        public Dictionary<string, IncidentCase> Cases { get; } = new()
        {
            ["i-1"] = new("i-1", "dispatched", new Assignment("r-van1", "c-lhasa", "onsite", null)),
            ["i-2"] = new("i-2", "completed", new Assignment("r-van2", "c-lhasa", "onsite", Tire)),
            ["i-3"] = new("i-3", "open", null),
        };
        public List<TrackedOutcome> Tracked { get; } =
        [
            new("i-1", true, Lifecycle.Dispatched, new Assignment("r-van1", "c-lhasa", "onsite", null), false),
            new("i-2", true, Lifecycle.Completed, new Assignment("r-van2", "c-lhasa", "onsite", Tire), false),
            new("i-3", true, Lifecycle.Open, null, false),
        ];
        public Dictionary<string, int> ReadFailures { get; } = [];
        public Dictionary<StockKey, long> StockDeltas { get; } = [];
        public HashSet<StockKey> UncertainStock { get; } = [];

        public AuditInput Input()
        {
            var center = new CenterView(
                "c-lhasa",
                "direct",
                ResourceStatus.Select(r => new ResourceView(r.Key, r.Key.Contains("van", StringComparison.Ordinal) ? "service_van" : "flatbed", r.Value)).ToList(),
                EndStock.Where(s => s.Key.CenterId == "c-lhasa").ToDictionary(s => s.Key.Sku, s => s.Value));
            var end = new NetworkView(["flat_tire"], [center], [new Coordinates(29.65, 91.1)], ["255/45R20"]);
            return new AuditInput(StartStock, end, Cases, Tracked, ReadFailures, StockDeltas, UncertainStock);
        }
    }
}
