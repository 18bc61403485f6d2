namespace Dispatch.Load.Scheduling;

/// <summary>What one scheduled arrival does against the API.</summary>
public enum OperationKind
{
    Recommend,
    Dispatch,
    Events,
    Cancel,
    Stock,
    /// <summary>The issue-13 durable workload: create with <c>autoDispatch</c> (case and hold in one request), then cancel.</summary>
    AutoDispatch,
    /// <summary>The in-process bare endpoint of <c>--baseline</c>; never part of an engine mix.</summary>
    Bare,
}

public static class OperationKindNames
{
    public static string Name(this OperationKind kind) => kind switch
    {
        OperationKind.Recommend => "recommend",
        OperationKind.Dispatch => "dispatch",
        OperationKind.Events => "events",
        OperationKind.Cancel => "cancel",
        OperationKind.Stock => "stock",
        OperationKind.AutoDispatch => "autodispatch",
        OperationKind.Bare => "bare",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string name, out OperationKind kind)
    {
        foreach (var candidate in Enum.GetValues<OperationKind>())
        {
            if (candidate != OperationKind.Bare && string.Equals(candidate.Name(), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
