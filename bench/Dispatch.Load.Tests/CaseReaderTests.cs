using System.Text.Json;
using Dispatch.Load.Api;

namespace Dispatch.Load.Tests;

public class CaseReaderTests
{
    [Fact]
    public void ReadCase_CaseWithAssignment_ReadsStatusAndAssignment()
    {
        const string json = """
            {"id":"i-1","status":"dispatched","incident":{"fault":"flat_tire"},
             "assignment":{"resourceId":"r-1","centerId":"c-1","mode":"onsite","part":"TIRE-205/55R16","etaMin":12.5,"dispatchedAt":"2025-01-01T00:00:00Z"},
             "timeline":[{"type":"created","at":"2025-01-01T00:00:00Z"}],"timeToDispatchSec":3}
            """;

        var read = CaseReader.ReadCase(json);

        Assert.NotNull(read);
        Assert.Equal("i-1", read.Id);
        Assert.Equal(Workload.Lifecycle.Dispatched, read.State);
        Assert.Equal(new Workload.Assignment("r-1", "c-1", "onsite", "TIRE-205/55R16"), read.Assignment);
    }

    [Fact]
    public void ReadCase_NullAssignment_HasNone()
    {
        var read = CaseReader.ReadCase("""{"id":"i-2","status":"open","assignment":null}""");

        Assert.NotNull(read);
        Assert.Null(read.Assignment);
    }

    [Fact]
    public void ReadAssignment_OptionShapedAnswer_ReadsIt()
    {
        using var document = JsonDocument.Parse("""{"resourceId":"r-9","centerId":"c-2","mode":"tow","part":null}""");

        Assert.Equal(new Workload.Assignment("r-9", "c-2", "tow", null), CaseReader.ReadAssignment(document.RootElement));
    }

    [Fact]
    public void ReadList_ItemsAnswer_ReadsEveryCase()
    {
        var list = CaseReader.ReadList("""{"items":[{"id":"a","status":"enroute"},{"id":"b","status":"open"}]}""");

        Assert.Equal(["a", "b"], list.Select(c => c.Id));
    }

    [Fact]
    public void ReadCase_NotJson_IsNull()
    {
        Assert.Null(CaseReader.ReadCase("<html>"));
    }
}
