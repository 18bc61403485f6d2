namespace Dispatch.Solver.Validation;

/// <summary>The SKU template of a fault mode's <c>part</c>, e.g. <c>TIRE-{tireSpec}</c>.</summary>
internal static class PartTemplate
{
    public const string TireSpecPlaceholder = "{tireSpec}";
    public const int MaxLength = 128;

    /// <summary>Checks that the only braces in the template are those of <c>{tireSpec}</c>.</summary>
    public static bool TryCheckPlaceholders(string template, out string? error)
    {
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if (c == '{')
            {
                if (string.CompareOrdinal(template, i, TireSpecPlaceholder, 0, TireSpecPlaceholder.Length) != 0)
                {
                    var close = template.IndexOf('}', i);
                    var found = close < 0 ? template[i..] : template[i..(close + 1)];
                    error = $"unknown placeholder '{found}': the only placeholder allowed is {TireSpecPlaceholder}";
                    return false;
                }

                i += TireSpecPlaceholder.Length;
                continue;
            }

            if (c == '}')
            {
                error = $"unmatched '}}' at position {i}: the only placeholder allowed is {TireSpecPlaceholder}";
                return false;
            }

            i++;
        }

        error = null;
        return true;
    }
}
