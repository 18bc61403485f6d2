using Orleans.Storage;

namespace Dispatch.Silo.Storage;

/// <summary>
/// Grain state as the Orleans binary codec writes it (version tolerant by the <c>[Id]</c> of every member), not as the
/// default Newtonsoft JSON with a <c>$type</c> and a <c>$id</c> on every object: a grain rewrites its whole state on each
/// write, and that JSON made the write cost several times its content (docs/operations.md "Grain state format").
/// </summary>
/// <remarks>State that a version before this one wrote as JSON (it starts with <c>{</c>) is still read, and is written
/// in the compact form at its next write.</remarks>
public sealed class CompactGrainStorageSerializer(IGrainStorageSerializer compact, IGrainStorageSerializer legacyJson) : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => compact.Serialize(input);

    public T? Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bytes = input.ToMemory().Span;
        return bytes.Length > 0 && bytes[0] == (byte)'{' ? legacyJson.Deserialize<T>(input) : compact.Deserialize<T>(input);
    }
}
