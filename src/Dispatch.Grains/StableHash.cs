namespace Dispatch.Grains;

/// <summary>A hash of a string that is the same in every process (string.GetHashCode is not), for spreading keys
/// over shards that must be found again after a restart.</summary>
internal static class StableHash
{
    /// <summary>FNV-1a over the UTF-16 code units.</summary>
    public static uint Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
