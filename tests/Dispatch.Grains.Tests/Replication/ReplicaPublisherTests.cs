using Dispatch.Grains.Replication;
using Dispatch.Solver.Dispatching;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Grains.Tests.Replication;

public sealed class ReplicaPublisherTests
{
    private static readonly TimeSpan PastLease = ReplicaTestData.Lease + TimeSpan.FromMilliseconds(300);
    private readonly FakeTimeProvider time = new();
    private readonly List<string> silos = ["silo-a"];

    private ReplicaPublisher NewPublisher() => new(time, ReplicaTestData.Lease, () => silos);

    private static DispatchEngine Engine() => DispatchEngine.Create(ReplicaTestData.Network());

    [Fact]
    public async Task PublishAsync_EveryReplicaApplies_AnswersAtOnceWithTheNextVersion()
    {
        var publisher = NewPublisher();
        var replica = new RecordingReplica(true);
        publisher.Renew(replica, "silo-a", Guid.Empty, -1, Engine());

        await publisher.PublishAsync([new UnitState("u", "assigned", 25, 105)], [], null).WaitAsync(TimeSpan.FromSeconds(30));

        var update = Assert.Single(replica.Updates);
        Assert.Equal((publisher.Epoch, 0L, 1L), (update.Epoch, update.BaseVersion, update.Version));
        Assert.Equal(1, publisher.Version);
    }

    [Fact]
    public async Task PublishAsync_NothingChanged_TellsNobody()
    {
        var publisher = NewPublisher();
        var replica = new RecordingReplica(true);
        publisher.Renew(replica, "silo-a", Guid.Empty, -1, Engine());

        await publisher.PublishAsync([], [], null).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(replica.Updates);
        Assert.Equal(0, publisher.Version);
    }

    [Fact]
    public async Task PublishAsync_ReplicaUnreachable_AnswersOnlyOnceItsLeaseHasRunOut()
    {
        var publisher = NewPublisher();
        publisher.Renew(new RecordingReplica(true), "silo-a", Guid.Empty, -1, Engine());
        await publisher.PublishAsync([new UnitState("u", "assigned", 25, 105)], [], null).WaitAsync(TimeSpan.FromSeconds(30));
        var cutOff = new RecordingReplica(applies: null);
        publisher.Renew(cutOff, "silo-a", publisher.Epoch, publisher.Version, Engine());

        var publish = publisher.PublishAsync([new UnitState("u", "available", 25, 105)], [], null);

        await Task.Delay(50);
        Assert.False(publish.IsCompleted);
        time.Advance(ReplicaTestData.Lease);
        await Task.Delay(50);
        Assert.False(publish.IsCompleted);
        time.Advance(PastLease - ReplicaTestData.Lease);
        await publish.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, publisher.ReplicaCount); // the cut-off one is dropped until it renews
    }

    [Fact]
    public async Task PublishAsync_ReplicaRefuses_DropsItWithoutWaiting()
    {
        var publisher = NewPublisher();
        publisher.Renew(new RecordingReplica(false), "silo-a", Guid.Empty, -1, Engine());

        await publisher.PublishAsync([new UnitState("u", "assigned", 25, 105)], [], null).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, publisher.ReplicaCount);
    }

    [Fact]
    public async Task PublishAsync_FirstWriteBeforeEverySiloRenewed_WaitsForTheLastOne()
    {
        silos.Add("silo-b");
        var publisher = NewPublisher();
        publisher.Renew(new RecordingReplica(true), "silo-a", Guid.Empty, -1, Engine());

        var publish = publisher.PublishAsync([new UnitState("u", "assigned", 25, 105)], [], null);
        await Task.Delay(50);
        Assert.False(publish.IsCompleted);

        var late = new RecordingReplica(true);
        publisher.Renew(late, "silo-b", Guid.Empty, -1, Engine());
        await publish.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task PublishAsync_FirstWriteWhenASiloNeverRenews_WaitsOutTheLeaseOfTheActivationBefore()
    {
        silos.Add("silo-b");
        var publisher = NewPublisher();

        var publish = publisher.PublishAsync([new UnitState("u", "assigned", 25, 105)], [], null);
        await Task.Delay(50);
        Assert.False(publish.IsCompleted);

        time.Advance(PastLease);
        await publish.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Renew_ReplicaBehind_GetsASnapshot_ReplicaCurrent_DoesNot()
    {
        var publisher = NewPublisher();
        var replica = new RecordingReplica(true);

        var behind = publisher.Renew(replica, "silo-a", Guid.NewGuid(), 7, Engine());
        var current = publisher.Renew(replica, "silo-a", publisher.Epoch, publisher.Version, Engine());
        var noNetwork = publisher.Renew(replica, "silo-a", publisher.Epoch, publisher.Version, null);

        Assert.NotNull(behind.Snapshot);
        Assert.Null(current.Snapshot);
        Assert.True(current.HasNetwork);
        Assert.False(noNetwork.HasNetwork);
    }

    [Fact]
    public async Task Renew_RegisteredReplicaBehindOnlyByUpdatesSentToIt_NoSnapshotAndTheCurrentVersion()
    {
        var publisher = NewPublisher();
        var replica = new RecordingReplica(true);
        publisher.Renew(replica, "silo-a", publisher.Epoch, publisher.Version, Engine());
        var reported = publisher.Version;
        await publisher.PublishAsync([new UnitState("u-1", "assigned", 30, 120)], [], null);

        // Its renewal crossed the update: it reported the version before it, and the update reached it.
        var lease = publisher.Renew(replica, "silo-a", publisher.Epoch, reported, Engine());

        Assert.Single(replica.Updates);
        Assert.Null(lease.Snapshot);
        Assert.Equal(publisher.Version, lease.Version);
        Assert.True(lease.Version > reported);
    }

    [Fact]
    public async Task Renew_CrossingAnUpdateItWillRefuse_LeaseAtTheCurrentVersionSoItDoesNotServeTheOldState()
    {
        var publisher = NewPublisher();
        var replica = new GatedReplica();
        publisher.Renew(replica, "silo-a", publisher.Epoch, publisher.Version, Engine());
        var reported = publisher.Version;

        // The update is on its way (and will be refused) when the renewal, sent before it, arrives.
        var publish = publisher.PublishAsync([new UnitState("u-1", "assigned", 30, 120)], [], null);
        var lease = publisher.Renew(replica, "silo-a", publisher.Epoch, reported, Engine());
        replica.Answer(false);
        await publish.WaitAsync(TimeSpan.FromSeconds(30));

        // Told a version it does not have, the replica stops serving; dropped, its next renewal brings a snapshot.
        Assert.True(lease.Version > reported);
        Assert.NotNull(publisher.Renew(replica, "silo-a", publisher.Epoch, reported, Engine()).Snapshot);
    }

    [Fact]
    public async Task Renew_BehindTwiceAtTheSameVersion_GetsASnapshot()
    {
        var publisher = NewPublisher();
        var replica = new RecordingReplica(true);
        var reported = publisher.Version;
        publisher.Renew(replica, "silo-a", publisher.Epoch, reported, Engine());
        await publisher.PublishAsync([new UnitState("u-1", "assigned", 30, 120)], [], null);

        var crossing = publisher.Renew(replica, "silo-a", publisher.Epoch, reported, Engine());
        var stuck = publisher.Renew(replica, "silo-a", publisher.Epoch, reported, Engine());

        Assert.Null(crossing.Snapshot);
        Assert.NotNull(stuck.Snapshot);
    }

    [Fact]
    public async Task Renew_ReplicaDroppedAfterARefusal_GetsASnapshotAgain()
    {
        var publisher = NewPublisher();
        var replica = new RecordingReplica(false);
        publisher.Renew(replica, "silo-a", publisher.Epoch, publisher.Version, Engine());
        var reported = publisher.Version;
        await publisher.PublishAsync([new UnitState("u-1", "assigned", 30, 120)], [], null);

        var lease = publisher.Renew(replica, "silo-a", publisher.Epoch, reported, Engine());

        Assert.NotNull(lease.Snapshot);
        Assert.Equal(publisher.Version, lease.Version);
    }

    /// <summary>A replica whose answer to an update comes when the test says.</summary>
    private sealed class GatedReplica : IEngineReplicaObserver
    {
        private readonly TaskCompletionSource<bool> answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Answer(bool applied) => answer.SetResult(applied);

        public Task<bool> ApplyAsync(ReplicaUpdate update) => answer.Task;
    }

    /// <summary>A replica that applies, refuses (false) or cannot be reached (null: the call throws).</summary>
    private sealed class RecordingReplica(bool? applies) : IEngineReplicaObserver
    {
        public List<ReplicaUpdate> Updates { get; } = [];

        public Task<bool> ApplyAsync(ReplicaUpdate update)
        {
            if (applies is null)
            {
                return Task.FromException<bool>(new TimeoutException("the silo does not answer"));
            }

            Updates.Add(update);
            return Task.FromResult(applies.Value);
        }
    }
}
