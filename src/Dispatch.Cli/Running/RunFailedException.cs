namespace Dispatch.Cli.Running;

/// <summary>The run could not be done or did not finish; the message says why, for the planner.</summary>
public sealed class RunFailedException : Exception
{
    public RunFailedException(string message)
        : base(message)
    {
    }

    public RunFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
