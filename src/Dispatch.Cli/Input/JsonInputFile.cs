using System.Text.Json;
using Dispatch.Solver.Documents;

namespace Dispatch.Cli.Input;

/// <summary>Reads a planner's JSON file into a document type, turning every failure into an input error that names
/// the option, the file and the JSON path where reading stopped.</summary>
public static class JsonInputFile
{
    public static T Read<T>(string option, string path)
        where T : class
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"{option} {path}", "cannot be read: " + error.Message);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, DocumentJson.Options)
                ?? throw new InvalidInputException($"{option} {path}", "the file holds null");
        }
        catch (JsonException error)
        {
            var at = string.IsNullOrEmpty(error.Path) ? "" : " " + error.Path;
            throw new InvalidInputException($"{option} {path}{at}", FirstLine(error.Message));
        }
    }

    /// <summary>As <see cref="Read{T}"/>, but a broken file adds its errors to <paramref name="errors"/> and gives
    /// null, so that one run shows every broken file at once; no file (a null path) gives null too.</summary>
    public static T? TryRead<T>(string option, string? path, List<InputError> errors)
        where T : class
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            return Read<T>(option, path);
        }
        catch (InvalidInputException invalid)
        {
            errors.AddRange(invalid.Errors);
            return null;
        }
    }

    // System.Text.Json appends "Path: ... | LineNumber: ..." to its messages; the path is already in front.
    private static string FirstLine(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
