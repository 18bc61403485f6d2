namespace Dispatch.Load.Workload;

/// <summary>A set with O(1) add, remove and uniform random pick (swap-remove over a list).</summary>
public sealed class RandomPool<T>
    where T : notnull
{
    private readonly List<T> _items = [];
    private readonly Dictionary<T, int> _positions = [];

    public int Count => _items.Count;

    public bool Add(T item)
    {
        if (!_positions.TryAdd(item, _items.Count))
        {
            return false;
        }

        _items.Add(item);
        return true;
    }

    public bool Remove(T item)
    {
        if (!_positions.Remove(item, out var position))
        {
            return false;
        }

        var last = _items[^1];
        _items.RemoveAt(_items.Count - 1);
        if (position < _items.Count)
        {
            _items[position] = last;
            _positions[last] = position;
        }

        return true;
    }

    public T At(int index) => _items[index];
}
