namespace Dispatch.Solver.Network;

/// <summary>One way to serve a fault. <see cref="Types"/> is indexed by resource type index.</summary>
internal sealed record FaultModeSpec(
    string Mode,
    int CatalogOrder,
    bool IsTow,
    bool[] Types,
    string? PartTemplate,
    double ServiceMin,
    double PenaltyMin)
{
    public const string TireSpecPlaceholder = "{tireSpec}";

    public bool NeedsTireSpec => PartTemplate is not null && PartTemplate.Contains(TireSpecPlaceholder, StringComparison.Ordinal);

    public string? ResolvePart(string? tireSpec) =>
        PartTemplate is null ? null
        : NeedsTireSpec ? (tireSpec is null ? null : PartTemplate.Replace(TireSpecPlaceholder, tireSpec, StringComparison.Ordinal))
        : PartTemplate;
}
