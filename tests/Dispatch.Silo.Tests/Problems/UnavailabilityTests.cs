using System.Data.Common;
using Dispatch.Silo.Problems;
using Orleans.Runtime;
using Orleans.Storage;

namespace Dispatch.Silo.Tests.Problems;

public sealed class UnavailabilityTests
{
    public static TheoryData<Exception> Transient() =>
    [
        new TimeoutException("a call timed out"),
        new SiloUnavailableException("silo gone"),
        new Orleans.Runtime.Messaging.ConnectionFailedException("no link to the other silo"),
        new Microsoft.AspNetCore.Connections.ConnectionAbortedException("link aborted"),
        new Microsoft.AspNetCore.Connections.ConnectionResetException("link reset"),
        new InconsistentStateException("stale etag"),
        new OrleansException("Current directory at S127.0.0.1:36689:1 is not stable to perform the lookup for grainId incident/inc-1 (it maps to S127.0.0.1:36647:1, which is not a valid silo). Retry later."),
        new FakeDbException(),
        new InvalidOperationException("wrapped", new SiloUnavailableException("silo gone")),
        new AggregateException(new ArgumentException("first"), new TimeoutException("second")),
    ];

    [Theory]
    [MemberData(nameof(Transient))]
    public void IsTransient_MachineryFailureAnywhereInTheChain_True(Exception failure) =>
        Assert.True(Unavailability.IsTransient(failure));

    [Fact]
    public void IsTransient_Bug_False()
    {
        Assert.False(Unavailability.IsTransient(new FormatException("a bug")));
        Assert.False(Unavailability.IsTransient(new InvalidOperationException("a bug", new ArgumentException("inner bug"))));
        Assert.False(Unavailability.IsTransient(new AggregateException(new KeyNotFoundException())));
        Assert.False(Unavailability.IsTransient(new OrleansException("some other runtime failure")));
    }

    private sealed class FakeDbException() : DbException("database down");
}
