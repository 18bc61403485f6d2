namespace Dispatch.Cli;

/// <summary>What <c>dispatch</c> returns to the shell, so scripts can tell bad input from a failed run.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The run could not be done or finished: unreachable silo, refused key, a run that failed on the silo.</summary>
    public const int Failure = 1;

    /// <summary>The command line or an input file is wrong; nothing ran.</summary>
    public const int InvalidInput = 2;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
