namespace Dispatch.Solver.Validation;

/// <summary>Checks lists of resource type names against <c>parameters.resourceTypes</c>.</summary>
/// <param name="known">The declared type names, or null when <c>resourceTypes</c> itself is missing, in which
/// case only the form of each name is checked (every name would otherwise be reported as unknown).</param>
internal sealed class ResourceTypeReferences(IReadOnlySet<string>? known)
{
    public const int MaxNameLength = 64;

    public bool CheckName(ValidationErrorSink errors, string path, string? name)
    {
        if (!errors.RequireText(path, name, MaxNameLength))
        {
            return false;
        }

        if (known is not null && !known.Contains(name!))
        {
            errors.Add(path, $"unknown resource type '{name}'");
            return false;
        }

        return true;
    }

    public void CheckList(ValidationErrorSink errors, string path, IReadOnlyList<string>? names, bool requireNonEmpty)
    {
        if (!errors.Require(path, names))
        {
            return;
        }

        if (requireNonEmpty && names!.Count == 0)
        {
            errors.Add(path, "must list at least one resource type");
            return;
        }

        for (var i = 0; i < names!.Count; i++)
        {
            CheckName(errors, JsonPathText.Index(path, i), names[i]);
        }
    }
}
