namespace Dispatch.Grains.Reconciliation;

/// <summary><c>Dispatch:Reconciler</c>: how often holds are checked against cases, and how old a hold or an assignment
/// must be before it is judged.</summary>
public sealed class ReconcilerOptions
{
    public const string Section = "Dispatch:Reconciler";

    public bool Enabled { get; set; } = true;

    /// <summary>How often each silo asks for a pass; passes are one at a time (one grain per network).</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A hold or an assignment younger than this is left alone. A dispatch holds the unit at the center
    /// first and records it in the case after; in between, which takes milliseconds but may take up to a grain
    /// call's timeout while storage is slow, the two disagree without anything being wrong. The grace must be longer
    /// than that window, or the reconciler would undo dispatches still in flight.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(2);
}
