namespace Dispatch.Solver.Dispatching;

/// <summary>The best <c>capacity</c> options seen so far, kept sorted (capacity null: all of them).</summary>
internal sealed class BestOptions(OptionRanking ranking, int? capacity)
{
    private readonly List<CandidateOption> items = [];

    public int Count => items.Count;

    public bool IsFull => capacity is { } k && items.Count >= k;

    public IReadOnlyList<CandidateOption> Items => items;

    /// <summary>The ranking key of the last kept option; only meaningful when full.</summary>
    public double WorstKey => ranking.KeyOf(items[^1]);

    public void Offer(in CandidateOption option)
    {
        if (IsFull && ranking.Compare(option, items[^1]) >= 0)
        {
            return;
        }

        var at = items.BinarySearch(option, ranking);
        items.Insert(at < 0 ? ~at : at, option);
        if (capacity is { } k && items.Count > k)
        {
            items.RemoveAt(items.Count - 1);
        }
    }
}
