namespace Dispatch.Load.Workload;

/// <summary>What the run has been told by the API: incidents it created and their acknowledged states, and stock
/// changes that were accepted. The audit holds the server to it.</summary>
/// <remarks>An incident is checked out while one operation works on it, so that concurrent operations never race
/// on the same case and every 409 the run sees is the server's own decision.</remarks>
public sealed class RunLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TrackedIncident> _incidents = new(StringComparer.Ordinal);
    private readonly RandomPool<string> _undispatched = new();
    private readonly RandomPool<string> _moving = new();
    private readonly Dictionary<StockKey, long> _stockDeltas = [];
    private readonly HashSet<StockKey> _uncertainStock = [];

    /// <summary>Notes an id whose create got no answer: it may or may not exist, and the audit reads it to see.</summary>
    public void NoteMaybeCreated(string id)
    {
        lock (_gate)
        {
            _incidents.TryAdd(id, new TrackedIncident(id) { Acknowledged = false, Uncertain = true });
        }
    }

    /// <summary>Records an acknowledged create; the incident stays checked out by the caller until <see cref="Release"/>.</summary>
    public TrackedIncident NoteCreated(string id)
    {
        lock (_gate)
        {
            var incident = new TrackedIncident(id) { Acknowledged = true, CheckedOut = true };
            _incidents[id] = incident;
            return incident;
        }
    }

    /// <summary>Checks out a random dispatched, unfinished incident (for lifecycle events).</summary>
    public TrackedIncident? CheckOutMoving(Random random) => CheckOut(random, includeUndispatched: false);

    /// <summary>Checks out a random unfinished incident, dispatched or not (for cancels).</summary>
    public TrackedIncident? CheckOutUnfinished(Random random) => CheckOut(random, includeUndispatched: true);

    /// <summary>Returns a checked-out incident with what the API last acknowledged about it.</summary>
    public void Release(TrackedIncident incident, Lifecycle state, Assignment? assignment, bool uncertain = false)
    {
        ArgumentNullException.ThrowIfNull(incident);
        lock (_gate)
        {
            incident.State = state;
            incident.Assignment = assignment ?? incident.Assignment;
            incident.Uncertain |= uncertain;
            incident.CheckedOut = false;
            if (state == Lifecycle.Open)
            {
                _undispatched.Add(incident.Id);
            }
            else if (state.HoldsAssignment())
            {
                _moving.Add(incident.Id);
            }
        }
    }

    public void NoteStockChange(StockKey key, long delta)
    {
        lock (_gate)
        {
            _stockDeltas[key] = _stockDeltas.GetValueOrDefault(key) + delta;
        }
    }

    public void NoteStockUncertain(StockKey key)
    {
        lock (_gate)
        {
            _uncertainStock.Add(key);
        }
    }

    public IReadOnlyList<TrackedOutcome> Outcomes()
    {
        lock (_gate)
        {
            return _incidents.Values
                .Select(i => new TrackedOutcome(i.Id, i.Acknowledged, i.State, i.Assignment, i.Uncertain))
                .OrderBy(o => o.Id, StringComparer.Ordinal)
                .ToList();
        }
    }

    public IReadOnlyDictionary<StockKey, long> StockDeltas()
    {
        lock (_gate)
        {
            return new Dictionary<StockKey, long>(_stockDeltas);
        }
    }

    public IReadOnlySet<StockKey> UncertainStock()
    {
        lock (_gate)
        {
            return new HashSet<StockKey>(_uncertainStock);
        }
    }

    private TrackedIncident? CheckOut(Random random, bool includeUndispatched)
    {
        ArgumentNullException.ThrowIfNull(random);
        lock (_gate)
        {
            var span = _moving.Count + (includeUndispatched ? _undispatched.Count : 0);
            if (span == 0)
            {
                return null;
            }

            var pick = random.Next(span);
            var pool = pick < _moving.Count ? _moving : _undispatched;
            var id = pool.At(pick < _moving.Count ? pick : pick - _moving.Count);
            pool.Remove(id);
            var incident = _incidents[id];
            incident.CheckedOut = true;
            return incident;
        }
    }
}

/// <summary>One incident of the run as the ledger knows it; mutated only under the ledger's lock.</summary>
public sealed class TrackedIncident(string id)
{
    public string Id { get; } = id;

    /// <summary>True when a create answered 200/201; false for an id whose create got no answer.</summary>
    public bool Acknowledged { get; set; }

    public Lifecycle State { get; set; } = Lifecycle.Open;

    public Assignment? Assignment { get; set; }

    /// <summary>A call about it got no answer, so the server may be one step ahead of <see cref="State"/>.</summary>
    public bool Uncertain { get; set; }

    public bool CheckedOut { get; set; }
}

/// <summary>The ledger's final word on one incident, for the audit.</summary>
public sealed record TrackedOutcome(string Id, bool Acknowledged, Lifecycle State, Assignment? Assignment, bool Uncertain);
