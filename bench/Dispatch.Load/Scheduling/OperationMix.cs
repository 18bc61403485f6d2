using System.Globalization;

namespace Dispatch.Load.Scheduling;

/// <summary>Relative weights of the operations, e.g. <c>recommend=50,dispatch=30,events=15,cancel=3,stock=2</c>.</summary>
public sealed class OperationMix
{
    public const string Default = "recommend=50,dispatch=30,events=15,cancel=3,stock=2";

    private readonly OperationKind[] _kinds;
    private readonly double[] _cumulative;

    private OperationMix(IReadOnlyList<KeyValuePair<OperationKind, double>> weights)
    {
        Weights = weights;
        _kinds = weights.Select(w => w.Key).ToArray();
        _cumulative = new double[weights.Count];
        var total = weights.Sum(w => w.Value);
        var running = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            running += weights[i].Value / total;
            _cumulative[i] = running;
        }
    }

    /// <summary>The operations with a positive weight, in the order they were given.</summary>
    public IReadOnlyList<KeyValuePair<OperationKind, double>> Weights { get; }

    public static OperationMix Parse(string text)
    {
        if (!TryParse(text, out var mix, out var error))
        {
            throw new FormatException(error);
        }

        return mix;
    }

    public static bool TryParse(string? text, out OperationMix mix, out string error)
    {
        mix = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the mix is empty";
            return false;
        }

        var weights = new List<KeyValuePair<OperationKind, double>>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !OperationKindNames.TryParse(pair[0], out var kind))
            {
                error = $"'{part}' is not name=weight with a name among recommend, dispatch, events, cancel, stock";
                return false;
            }

            if (!double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight)
                || !double.IsFinite(weight) || weight < 0)
            {
                error = $"the weight of '{pair[0]}' must be a finite number >= 0";
                return false;
            }

            if (weights.Any(w => w.Key == kind))
            {
                error = $"'{pair[0]}' is given twice";
                return false;
            }

            if (weight > 0)
            {
                weights.Add(new(kind, weight));
            }
        }

        if (weights.Count == 0)
        {
            error = "the mix needs at least one operation with a positive weight";
            return false;
        }

        mix = new OperationMix(weights);
        error = string.Empty;
        return true;
    }

    /// <summary>The operation for a uniform draw <paramref name="unit"/> in [0, 1).</summary>
    public OperationKind Pick(double unit)
    {
        for (var i = 0; i < _cumulative.Length; i++)
        {
            if (unit < _cumulative[i])
            {
                return _kinds[i];
            }
        }

        // Rounding can leave the last cumulative weight a hair below 1.
        return _kinds[^1];
    }

    public double WeightOf(OperationKind kind) => Weights.FirstOrDefault(w => w.Key == kind).Value;

    public override string ToString() =>
        string.Join(',', Weights.Select(w => $"{w.Key.Name()}={w.Value.ToString(CultureInfo.InvariantCulture)}"));
}
