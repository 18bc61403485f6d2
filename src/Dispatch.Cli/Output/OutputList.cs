using Spectre.Console;

namespace Dispatch.Cli.Output;

/// <summary>Lists the files a command wrote, relative to the output folder.</summary>
public static class OutputList
{
    public static void Show(IAnsiConsole console, string directory, IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MarkupLine(Markup.Escape($"Wrote to {directory}:"));
        foreach (var file in files)
        {
            console.MarkupLine(Markup.Escape("  " + Path.GetRelativePath(directory, file)));
        }
    }
}
