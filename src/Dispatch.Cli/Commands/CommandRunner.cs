using Dispatch.Cli.Input;
using Dispatch.Cli.Running;

namespace Dispatch.Cli.Commands;

/// <summary>Turns how a command ended into the exit code and the message a planner (or a script) needs.</summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(CliConsole console, Func<CancellationToken, Task<int>> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            return await command(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidInputException invalid)
        {
            console.Error.WriteLine("Invalid input, nothing was run:");
            foreach (var error in invalid.Errors)
            {
                console.Error.WriteLine("  " + error);
            }

            return ExitCodes.InvalidInput;
        }
        catch (RunFailedException failed)
        {
            console.Error.WriteLine("error: " + failed.Message);
            return ExitCodes.Failure;
        }
        catch (RunCancelledException cancelled)
        {
            console.Error.WriteLine(cancelled.Message);
            return ExitCodes.Cancelled;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Error.WriteLine("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine("error: cannot write the results: " + error.Message);
            return ExitCodes.Failure;
        }
    }
}
