using Dispatch.Grains.Incidents;
using Dispatch.Grains.Tests.Incidents;

namespace Dispatch.Grains.Tests.Escalation;

/// <summary>The deadlines of the standard, on a case state alone.</summary>
public sealed class CaseSlaTests
{
    private static readonly DateTimeOffset Reported = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly SlaOptions Standard = new();

    private static IncidentCaseState OpenCase()
    {
        var request = TestCases.Request("sla-1", new(29.65, 91.1), Reported);
        return new IncidentCaseState { Request = request, Incident = TestCases.IncidentOf(request) };
    }

    [Fact]
    public void Due_JustBeforeTwoMinutes_Nothing()
    {
        Assert.Empty(CaseSla.Due(OpenCase(), Standard, Reported.AddMinutes(2).AddTicks(-1)));
    }

    [Fact]
    public void Due_AtTwoMinutes_Level1Only()
    {
        var due = CaseSla.Due(OpenCase(), Standard, Reported.AddMinutes(2));

        var entry = Assert.Single(due);
        Assert.Equal((CaseSla.Escalated, 1), (entry.Type, entry.Level));
    }

    [Fact]
    public void Apply_Twice_Level1RecordedOnce()
    {
        var s = OpenCase();

        CaseSla.Apply(s, Standard, Reported.AddMinutes(2));
        var again = CaseSla.Apply(s, Standard, Reported.AddMinutes(5));

        Assert.Empty(again);
        Assert.Equal(1, s.EscalationLevel);
        Assert.Single(s.Timeline, t => t.Type == CaseSla.Escalated);
    }

    [Fact]
    public void Due_TwelveMinutesAfterTheCall_Level2MeasuredFromLevel1sDeadline()
    {
        var s = OpenCase();
        CaseSla.Apply(s, Standard, Reported.AddMinutes(2));

        Assert.Empty(CaseSla.Due(s, Standard, Reported.AddMinutes(12).AddTicks(-1)));
        var entry = Assert.Single(CaseSla.Due(s, Standard, Reported.AddMinutes(12)));
        Assert.Equal(2, entry.Level);
    }

    [Fact]
    public void Apply_SeenLateAfterBothDeadlines_BothLevelsInOrderAtOnce()
    {
        var s = OpenCase();
        var seen = Reported.AddHours(1);

        var due = CaseSla.Apply(s, Standard, seen);

        Assert.Equal([1, 2], due.Select(e => e.Level!.Value));
        Assert.All(due, e => Assert.Equal(seen, e.At));
        Assert.Equal(2, s.EscalationLevel);
    }

    [Theory]
    [InlineData(CaseStatus.Dispatched)]
    [InlineData(CaseStatus.Enroute)]
    [InlineData(CaseStatus.Cancelled)]
    public void Due_NotOpenAtTheDeadline_NoEscalation(string status)
    {
        var s = OpenCase();
        s.Status = status;

        Assert.DoesNotContain(CaseSla.Due(s, Standard, Reported.AddHours(1)), e => e.Type == CaseSla.Escalated);
    }

    [Fact]
    public void Due_DispatchedAfter48Hours_OverdueOnce()
    {
        var s = OpenCase();
        s.Status = CaseStatus.Dispatched;

        Assert.Empty(CaseSla.Due(s, Standard, Reported.AddHours(48).AddTicks(-1)));
        Assert.Equal([CaseSla.Overdue], CaseSla.Apply(s, Standard, Reported.AddHours(48)).Select(e => e.Type));
        Assert.Empty(CaseSla.Apply(s, Standard, Reported.AddHours(72)));
        Assert.True(s.Overdue);
    }

    [Theory]
    [InlineData(CaseStatus.Completed)]
    [InlineData(CaseStatus.Cancelled)]
    public void Due_ClosedCase_NeverOverdueAndNothingNext(string status)
    {
        var s = OpenCase();
        s.Status = status;

        Assert.Empty(CaseSla.Due(s, Standard, Reported.AddDays(30)));
        Assert.Null(CaseSla.Next(s, Standard));
    }

    [Fact]
    public void Next_AlongTheCase_Level1ThenLevel2ThenOverdueThenNothing()
    {
        var s = OpenCase();
        Assert.Equal(Reported.AddMinutes(2), CaseSla.Next(s, Standard));

        CaseSla.Apply(s, Standard, Reported.AddMinutes(2));
        Assert.Equal(Reported.AddMinutes(12), CaseSla.Next(s, Standard));

        s.Status = CaseStatus.Dispatched;
        Assert.Equal(Reported.AddHours(48), CaseSla.Next(s, Standard));

        CaseSla.Apply(s, Standard, Reported.AddHours(48));
        Assert.Null(CaseSla.Next(s, Standard));
    }

    [Fact]
    public void Next_ShortSettings_FollowTheSettings()
    {
        var quick = new SlaOptions { DispatchWithin = TimeSpan.FromSeconds(2), EscalateAgainAfter = TimeSpan.FromSeconds(3), CloseWithin = TimeSpan.FromSeconds(6) };
        var s = OpenCase();

        Assert.Equal(Reported.AddSeconds(2), CaseSla.Next(s, quick));
        Assert.Equal([1, 2], CaseSla.Apply(s, quick, Reported.AddSeconds(5)).Select(e => e.Level!.Value));
        Assert.Equal(Reported.AddSeconds(6), CaseSla.Next(s, quick));
        Assert.Equal([CaseSla.Overdue], CaseSla.Apply(s, quick, Reported.AddSeconds(6)).Select(e => e.Type));
        Assert.Null(CaseSla.Next(s, quick));
    }
}
