using System.CommandLine;
using Dispatch.Cli.CommandLine;

namespace Dispatch.Cli;

/// <summary>The <c>dispatch</c> command line: parses, reports bad options with exit code 2, runs the command.</summary>
public static class DispatchCli
{
    public static RootCommand CreateRoot(CliConsole console)
    {
        var root = new RootCommand("Dispatch planners' CLI: what-if scenarios, parameter sweeps and station planning, in-process on a network file or on a silo.");
        root.Subcommands.Add(SimulateCommand.Create(console));
        root.Subcommands.Add(SweepCommand.Create(console));
        root.Subcommands.Add(PlanCommand.Create(console));
        return root;
    }

    /// <param name="handleTermination">Whether Ctrl+C / SIGTERM cancel the run (the real process); tests pass their own token.</param>
    public static async Task<int> RunAsync(string[] args, CliConsole console, bool handleTermination = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        var parsed = CreateRoot(console).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // The library's own error action exits with 1; bad input is 2 here, like every other input error.
            foreach (var error in parsed.Errors)
            {
                await console.Error.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Run 'dispatch --help' or 'dispatch <command> --help' for the options.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        return await parsed.InvokeAsync(
            new InvocationConfiguration
            {
                Output = console.Text,
                Error = console.Error,
                // Long enough for a remote run to be cancelled on the silo before the process goes.
                ProcessTerminationTimeout = handleTermination ? TimeSpan.FromSeconds(15) : null,
            },
            cancellationToken).ConfigureAwait(false);
    }
}
