namespace Dispatch.Solver.Validation;

/// <summary>What open incidents hold at the time of a PUT: resources and part reservations. A document that
/// contradicts them is a conflict (409), not a malformed body.</summary>
internal sealed class OpenIncidentHolds
{
    private readonly IReadOnlySet<string>? assignedResourceIds;
    private readonly Dictionary<string, Dictionary<string, int>> heldBySkuByCenter = new(StringComparer.Ordinal);

    public OpenIncidentHolds(IReadOnlySet<string>? assignedResourceIds, IReadOnlyDictionary<(string CenterId, string Sku), int>? heldReservations)
    {
        this.assignedResourceIds = assignedResourceIds;
        foreach (var ((centerId, sku), count) in heldReservations ?? new Dictionary<(string, string), int>())
        {
            if (count <= 0)
            {
                continue;
            }

            if (!heldBySkuByCenter.TryGetValue(centerId, out var bySku))
            {
                bySku = new Dictionary<string, int>(StringComparer.Ordinal);
                heldBySkuByCenter.Add(centerId, bySku);
            }

            bySku[sku] = count;
        }
    }

    /// <summary>Whether the caller told which resources are held; without it there is no live state to
    /// conflict with, and <c>assigned</c> is simply not a status a document may set.</summary>
    public bool TracksResources => assignedResourceIds is not null;

    public bool IsHeld(string resourceId) => assignedResourceIds?.Contains(resourceId) == true;

    public int HeldAt(string centerId, string sku) =>
        heldBySkuByCenter.TryGetValue(centerId, out var bySku) && bySku.TryGetValue(sku, out var count) ? count : 0;

    public IEnumerable<KeyValuePair<string, int>> HeldAt(string centerId) =>
        heldBySkuByCenter.TryGetValue(centerId, out var bySku) ? bySku : [];

    /// <summary>Reports holds on resources and centers that the document no longer has.</summary>
    public void CheckNothingRemoved(ValidationErrorSink errors, IdRegistry centers, IdRegistry resources)
    {
        const string path = "centers";
        foreach (var id in (assignedResourceIds ?? new HashSet<string>()).Order(StringComparer.Ordinal))
        {
            if (!resources.Contains(id))
            {
                errors.AddConflict(path, $"resource '{id}' is held by an open incident and cannot be removed");
            }
        }

        foreach (var (centerId, bySku) in heldBySkuByCenter.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (centers.Contains(centerId))
            {
                continue;
            }

            foreach (var (sku, count) in bySku.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                errors.AddConflict(path, $"center '{centerId}' has {count} of '{sku}' reserved by open incidents and cannot be removed");
            }
        }
    }
}
