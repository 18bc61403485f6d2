using System.Text.Json;

namespace Dispatch.Load.Api;

/// <summary>An HTTP answer: its status and body text (kept raw; parsed only where an operation needs a field).</summary>
public sealed record ApiResponse(int Status, string Body, TimeSpan Elapsed)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public JsonDocument? TryParse()
    {
        if (string.IsNullOrWhiteSpace(Body))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
