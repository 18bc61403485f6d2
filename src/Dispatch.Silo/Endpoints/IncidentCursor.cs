using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Dispatch.Grains.Incidents;
using Dispatch.Solver.Validation;

namespace Dispatch.Silo.Endpoints;

/// <summary>The <c>cursor</c> of <c>GET /v1/incidents</c>: where the next page starts (a registry shard and the last id
/// listed from it), opaque to clients so the registry's layout can change without breaking them.</summary>
public static class IncidentCursor
{
    // A version in front, so a later layout can still read (or clearly refuse) the cursors of this one.
    private const string Version = "1";

    public static string Encode(IncidentListPosition position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $"{Version}:{position.Shard.ToString(CultureInfo.InvariantCulture)}:{position.AfterId}"));

    /// <summary>False for anything this silo did not hand out: not base64url, another version, a shard out of range,
    /// or an id no case may have.</summary>
    public static bool TryDecode(string cursor, out IncidentListPosition position)
    {
        position = IncidentListPosition.Start;
        if (cursor.Length is 0 or > 4 * (RequestLimits.MaxIdLength + 16))
        {
            return false;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = text.Split(':', 3);
        if (parts.Length != 3 || parts[0] != Version
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var shard)
            || shard is < 0 or >= IncidentRegistry.Shards)
        {
            return false;
        }

        var afterId = parts[2].Length == 0 ? null : parts[2];
        if (afterId is not null && !RequestValidator.IsAddressableId(afterId))
        {
            return false;
        }

        position = new IncidentListPosition(shard, afterId);
        return true;
    }
}
