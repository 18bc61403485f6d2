using System.Collections.Immutable;

namespace Dispatch.Grains.Privacy;

/// <summary>The cases with customer data that closed on one UTC day (the key, <c>yyyy-MM-dd</c>), until erased.</summary>
public interface IClosedCasesGrain : IGrainWithStringKey
{
    /// <summary>Lists the case (again: no change); the day is entered in the calendar first.</summary>
    Task AddAsync(string incidentId, DateTimeOffset closedAt);

    /// <summary>Up to <paramref name="max"/> cases closed at or before <paramref name="cutoff"/>.</summary>
    Task<ImmutableArray<string>> DueAsync(DateTimeOffset cutoff, int max);

    /// <summary>Forgets erased cases; answers how many are left (none: the day's state is cleared).</summary>
    Task<int> RemoveAsync(ImmutableArray<string> incidentIds);
}
