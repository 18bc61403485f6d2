namespace Dispatch.Cli.Tests.Support;

/// <summary>How one in-process run of <c>dispatch</c> ended, with everything it printed.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}
