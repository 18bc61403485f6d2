namespace Dispatch.Load.Workload;

/// <summary>Picks among fixed choices by relative weight from one uniform draw.</summary>
public sealed class WeightedChoice<T>
{
    private readonly T[] _values;
    private readonly double[] _cumulative;

    public WeightedChoice(IEnumerable<(T Value, double Weight)> choices)
    {
        var list = choices.Where(c => c.Weight > 0).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one choice needs a positive weight.", nameof(choices));
        }

        _values = list.Select(c => c.Value).ToArray();
        _cumulative = new double[list.Count];
        var total = list.Sum(c => c.Weight);
        var running = 0.0;
        for (var i = 0; i < list.Count; i++)
        {
            running += list[i].Weight / total;
            _cumulative[i] = running;
        }
    }

    public T Pick(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var unit = random.NextDouble();
        var index = Array.FindIndex(_cumulative, c => unit < c);
        return _values[index < 0 ? _values.Length - 1 : index];
    }
}
