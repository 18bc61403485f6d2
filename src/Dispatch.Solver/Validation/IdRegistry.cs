namespace Dispatch.Solver.Validation;

/// <summary>Checks the ids of one kind (center ids, resource ids, ...): well-formed and unique, compared ordinally.</summary>
internal sealed class IdRegistry(string kind)
{
    public const int MaxLength = 128;

    private readonly Dictionary<string, string> firstPathById = new(StringComparer.Ordinal);

    /// <summary>The ids accepted so far.</summary>
    public IReadOnlyCollection<string> Ids => firstPathById.Keys;

    public bool Contains(string id) => firstPathById.ContainsKey(id);

    /// <summary>Checks one id and remembers it; true when it is well-formed and seen for the first time.</summary>
    public bool Register(ValidationErrorSink errors, string path, string? id)
    {
        if (!errors.RequireText(path, id, MaxLength))
        {
            return false;
        }

        if (firstPathById.TryGetValue(id!, out var firstPath))
        {
            errors.Add(path, $"duplicate {kind} '{id}' (first at {firstPath})");
            return false;
        }

        firstPathById.Add(id!, path);
        return true;
    }
}
