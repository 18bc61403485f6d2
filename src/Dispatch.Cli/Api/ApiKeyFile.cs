using Dispatch.Cli.Input;

namespace Dispatch.Cli.Api;

/// <summary>Reads the API key a planner points <c>--key-file</c> at.</summary>
public static class ApiKeyFile
{
    public static string Read(string path)
    {
        string key;
        try
        {
            key = File.ReadAllText(path).Trim();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException("--key-file", $"{path} cannot be read: {error.Message}");
        }

        if (key.Length == 0)
        {
            throw new InvalidInputException("--key-file", $"{path} is empty");
        }

        return key;
    }
}
