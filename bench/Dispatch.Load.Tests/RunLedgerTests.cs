using Dispatch.Load.Workload;

namespace Dispatch.Load.Tests;

public class RunLedgerTests
{
    [Fact]
    public void CheckOutMoving_OnlyDispatchedIncidents_AndNeverTwice()
    {
        var ledger = new RunLedger();
        ledger.Release(ledger.NoteCreated("open"), Lifecycle.Open, null);
        ledger.Release(ledger.NoteCreated("moving"), Lifecycle.Dispatched, new Assignment("r", "c", "tow", null));
        var random = new Random(3);

        var first = ledger.CheckOutMoving(random);
        var second = ledger.CheckOutMoving(random);

        Assert.Equal("moving", first?.Id);
        Assert.Null(second);
    }

    [Fact]
    public void CheckOutUnfinished_TerminalIncidents_AreNeverOffered()
    {
        var ledger = new RunLedger();
        ledger.Release(ledger.NoteCreated("done"), Lifecycle.Completed, null);
        ledger.Release(ledger.NoteCreated("gone"), Lifecycle.Cancelled, null);
        ledger.Release(ledger.NoteCreated("open"), Lifecycle.Open, null);
        var random = new Random(3);

        Assert.Equal("open", ledger.CheckOutUnfinished(random)?.Id);
        Assert.Null(ledger.CheckOutUnfinished(random));
    }

    [Fact]
    public void Release_KeepsTheAssignmentWhenTheAnswerOmitsIt()
    {
        var ledger = new RunLedger();
        var incident = ledger.NoteCreated("i");
        ledger.Release(incident, Lifecycle.Dispatched, new Assignment("r", "c", "onsite", "TIRE-x"));
        ledger.Release(ledger.CheckOutMoving(new Random(1))!, Lifecycle.Enroute, null);

        var outcome = Assert.Single(ledger.Outcomes());
        Assert.Equal(Lifecycle.Enroute, outcome.State);
        Assert.Equal("TIRE-x", outcome.Assignment?.Part);
    }

    [Fact]
    public void StockDeltas_AcceptedChanges_AreSummedPerKey()
    {
        var ledger = new RunLedger();
        var key = new StockKey("c", "TIRE-x");
        ledger.NoteStockChange(key, 2);
        ledger.NoteStockChange(key, -1);

        Assert.Equal(1, ledger.StockDeltas()[key]);
    }
}
