namespace Dispatch.Cli.Running;

/// <summary>The planner cancelled; the message says what was done about a run already started elsewhere.</summary>
public sealed class RunCancelledException : OperationCanceledException
{
    public RunCancelledException(string message, Exception inner, CancellationToken token)
        : base(message, inner, token)
    {
    }
}
