using System.Text.Json;
using Dispatch.Cli.Input;

namespace Dispatch.Cli.Api;

/// <summary>What an RFC 9457 problem-details answer says, for a person: a headline and the errors by path.</summary>
public sealed record ProblemDetails(string Headline, IReadOnlyList<InputError> Errors)
{
    /// <summary>Reads <c>title</c>, <c>detail</c> and <c>errors</c> (path -> message or messages); a body that is not
    /// problem details becomes the headline as it is, shortened.</summary>
    public static ProblemDetails Read(int status, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Plain(status, body);
            }

            var title = Text(root, "title");
            var detail = Text(root, "detail");
            var headline = $"HTTP {status}" + (title is null ? "" : " " + title) + (detail is null || detail == title ? "" : ": " + detail);
            return new ProblemDetails(headline, ReadErrors(root));
        }
        catch (JsonException)
        {
            return Plain(status, body);
        }
    }

    public override string ToString() =>
        Errors.Count == 0 ? Headline : Headline + Environment.NewLine + string.Join(Environment.NewLine, Errors.Select(e => "  " + e));

    private static ProblemDetails Plain(int status, string body)
    {
        var text = body.Trim();
        return new ProblemDetails(text.Length == 0 ? $"HTTP {status}" : $"HTTP {status}: {(text.Length > 300 ? text[..300] + "..." : text)}", []);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<InputError> ReadErrors(JsonElement root)
    {
        var errors = new List<InputError>();
        if (!root.TryGetProperty("errors", out var map) || map.ValueKind != JsonValueKind.Object)
        {
            return errors;
        }

        foreach (var entry in map.EnumerateObject())
        {
            if (entry.Value.ValueKind == JsonValueKind.Array)
            {
                errors.AddRange(entry.Value.EnumerateArray().Select(m => new InputError(entry.Name, m.ValueKind == JsonValueKind.String ? m.GetString()! : m.GetRawText())));
            }
            else
            {
                errors.Add(new InputError(entry.Name, entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString()! : entry.Value.GetRawText()));
            }
        }

        return errors;
    }
}
