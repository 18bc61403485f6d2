using System.Globalization;

namespace Dispatch.Solver.Validation;

/// <summary>The least value a number may take, and whether that value itself is allowed.</summary>
internal readonly record struct LowerBound(double Value, bool Inclusive)
{
    public static LowerBound Positive => new(0, Inclusive: false);

    public static LowerBound NonNegative => new(0, Inclusive: true);

    public static LowerBound AtLeastOne => new(1, Inclusive: true);

    public bool Admits(double value) => Inclusive ? value >= Value : value > Value;

    public string Describe() => (Inclusive ? ">= " : "> ") + Value.ToString(CultureInfo.InvariantCulture);
}
