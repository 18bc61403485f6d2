namespace Dispatch.Grains.Storage;

/// <summary>Names grains use to reach the grain storage the silo registers.</summary>
public static class StorageNames
{
    /// <summary>The grain storage every Dispatch grain persists through: <c>[PersistentState("x", StorageNames.Dispatch)]</c>.</summary>
    public const string Dispatch = "dispatch";
}
