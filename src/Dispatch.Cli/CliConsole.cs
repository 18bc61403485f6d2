using Spectre.Console;

namespace Dispatch.Cli;

/// <summary>Where the CLI writes: tables and progress to <see cref="Out"/>, errors to <see cref="Error"/>; tables that
/// must keep off standard output (<c>plan --json</c> prints only its JSON there) to <see cref="ErrorOut"/>.</summary>
/// <remarks>Kept apart from <see cref="AnsiConsole"/>'s static console so tests can run the whole CLI in-process and read what it printed.</remarks>
public sealed class CliConsole
{
    public CliConsole(IAnsiConsole output, TextWriter text, TextWriter error, IAnsiConsole? errorOutput = null)
    {
        Out = output ?? throw new ArgumentNullException(nameof(output));
        Text = text ?? throw new ArgumentNullException(nameof(text));
        Error = error ?? throw new ArgumentNullException(nameof(error));
        ErrorOut = errorOutput ?? Plain(error);
    }

    public IAnsiConsole Out { get; }

    /// <summary>The same stream as <see cref="Out"/> for plain text (help).</summary>
    public TextWriter Text { get; }

    public TextWriter Error { get; }

    /// <summary>Tables and markup on the same stream as <see cref="Error"/>.</summary>
    public IAnsiConsole ErrorOut { get; }

    public static CliConsole System() => new(
        AnsiConsole.Console,
        Console.Out,
        Console.Error,
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }));

    /// <summary>A plain console on a writer: no colours, no live redraws, a fixed width.</summary>
    public static CliConsole Plain(TextWriter output, TextWriter error, int width = 160) =>
        new(Plain(output, width), output, error, Plain(error, width));

    private static IAnsiConsole Plain(TextWriter writer, int width = 160)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        return console;
    }
}
