using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Tests.Reference;

namespace Dispatch.Solver.Tests.Simulation.Reference;

/// <summary>The run's state: every unit with its status, position and trip, and the stock of every center. Each
/// change is made here and pushed at once into the reference recommender, which reads status, position and
/// free stock from it.</summary>
internal sealed partial class ReferenceSimulator
{
    private readonly List<Unit> units;
    private readonly Dictionary<(string Center, string Sku), (int OnHand, int Reserved)> stock = [];
    private readonly List<PartInUse> partsInUse = [];
    private readonly Dictionary<string, int> partsConsumed = new(StringComparer.Ordinal);

    private List<Unit> LoadUnits()
    {
        var loaded = new List<Unit>();
        foreach (var center in document.Centers ?? [])
        {
            foreach (var r in center.Resources ?? [])
            {
                // "assigned counts as available (open live incidents are not simulated); offline stays offline."
                var status = r.Status switch
                {
                    "available" or "assigned" => ResourceStatus.Available,
                    "offline" => ResourceStatus.Offline,
                    _ => throw new ArgumentException($"resource {r.Id} has status {r.Status}"),
                };
                var unit = new Unit(r.Id!, r.Type!, center) { Status = status, Position = r.Position ?? center.Location! };
                dispatcher.SetResourceStatus(unit.Id, status);
                dispatcher.MoveResource(unit.Id, unit.Position);
                loaded.Add(unit);
            }
        }

        return loaded;
    }

    private void LoadStock()
    {
        foreach (var center in document.Centers ?? [])
        {
            foreach (var (sku, level) in center.Stock ?? new Dictionary<string, StockLevel>())
            {
                // "... and reserved as free": open live incidents hold nothing in a run.
                SetStock(center.Id!, sku, (int)level.OnHand!.Value, 0);
            }
        }
    }

    private void SetStock(string centerId, string sku, int onHand, int reserved)
    {
        if (reserved < 0 || reserved > onHand)
        {
            throw new InvalidOperationException($"stock of {sku} at {centerId} would be {onHand}/{reserved}");
        }

        stock[(centerId, sku)] = (onHand, reserved);
        dispatcher.SetStock(centerId, sku, onHand, reserved);
    }

    /// <summary>Sends the unit of <paramref name="option"/> to the call at <paramref name="at"/> and books its whole trip.</summary>
    private void Dispatch(int call, DispatchOption option, double at, double responseMin, bool fromQueue)
    {
        var incident = calls[call].Incident;
        var unit = units.Single(u => u.Id == option.ResourceId);
        if (unit.Status != ResourceStatus.Available)
        {
            throw new InvalidOperationException($"the reference recommended {unit.Id}, which is {unit.Status}");
        }

        // "the unit is dispatched at t (status assigned, its part reserved)"
        unit.Status = ResourceStatus.Assigned;
        dispatcher.SetResourceStatus(unit.Id, ResourceStatus.Assigned);
        var center = unit.Center;
        if (option.Part is { } sku)
        {
            var (onHand, reserved) = stock[(center.Id!, sku)];
            SetStock(center.Id!, sku, onHand, reserved + 1);
        }

        // "on scene at t + etaMin, serves for the mode's serviceMin, then drives to its own center's location in
        // 60 * haversineKm(incident, center) * R.circuity / (speedKmh * R.speedFactor) minutes, R the center's region,
        // no mobilization."
        var mode = parameters.Faults![incident.Fault].Single(m => m.Mode == option.Mode);
        var onSceneMin = at + option.EtaMin;
        var serviceEndMin = onSceneMin + mode.ServiceMin!.Value;
        var centerRegion = RegionByCode(dispatcher.RegionOf(center.Location!)
            ?? throw new InvalidOperationException($"center {center.Id} is in no region"));
        var type = parameters.ResourceTypes![unit.Type];
        var driveBackMin = 60 * ReferenceGeodesy.HaversineKm(incident.Location, center.Location!) * centerRegion.Circuity!.Value
            / (type.SpeedKmh!.Value * centerRegion.SpeedFactor!.Value);
        unit.BackAtMin = serviceEndMin + driveBackMin;

        // "The unit is busy from dispatch to that arrival"; only the part inside the horizon counts.
        unit.BusyMinutesInHorizon += Math.Max(0, Math.Min(unit.BackAtMin, horizonMin) - Math.Max(at, 0));

        if (option.Part is { } part)
        {
            partsInUse.Add(new PartInUse(center.Id!, part, serviceEndMin));
        }

        outcomes[call] = outcomes[call] with
        {
            Fate = fromQueue ? ReferenceFate.ServedFromQueue : ReferenceFate.Served,
            ResponseMin = responseMin,
            ResourceId = unit.Id,
            Mode = option.Mode,
            DispatchedMin = at,
            Note = $"on scene {onSceneMin:R}, service ends {serviceEndMin:R}, back at {center.Id} {unit.BackAtMin:R}",
        };
        RecordCoverage(at);
    }

    /// <summary>"On arrival the unit is available at the center's location."</summary>
    private void BecomeAvailable(Unit unit)
    {
        unit.Status = ResourceStatus.Available;
        unit.Position = unit.Center.Location!;
        dispatcher.MoveResource(unit.Id, unit.Position);
        dispatcher.SetResourceStatus(unit.Id, ResourceStatus.Available);
    }

    /// <summary>"The part is consumed when service ends (onHand and reserved fall by 1)": done for every service that
    /// ended by <paramref name="t"/>, before anything is decided at <paramref name="t"/>.</summary>
    private void ConsumePartsUpTo(double t)
    {
        foreach (var used in partsInUse.Where(p => p.ServiceEndMin <= t).ToList())
        {
            var (onHand, reserved) = stock[(used.Center, used.Sku)];
            SetStock(used.Center, used.Sku, onHand - 1, reserved - 1);
            partsConsumed[used.Sku] = partsConsumed.GetValueOrDefault(used.Sku) + 1;
            partsInUse.Remove(used);
        }
    }

    private RegionDocument RegionByCode(string code) => document.Regions!.Single(r => r.Code == code);

    private sealed class Unit(string id, string type, CenterDocument center)
    {
        public string Id { get; } = id;

        public string Type { get; } = type;

        public CenterDocument Center { get; } = center;

        public ResourceStatus Status { get; set; }

        public GeoPoint Position { get; set; } = center.Location!;

        /// <summary>When the current trip ends at the center; meaningful while assigned.</summary>
        public double BackAtMin { get; set; }

        public double BusyMinutesInHorizon { get; set; }
    }

    /// <summary>A part reserved for a service that has not ended yet.</summary>
    private sealed record PartInUse(string Center, string Sku, double ServiceEndMin);
}
