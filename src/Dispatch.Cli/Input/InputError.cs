namespace Dispatch.Cli.Input;

/// <summary>One thing wrong with what the planner gave, at a path (an option, a file and JSON path, or a request path).</summary>
public sealed record InputError(string Path, string Message)
{
    public override string ToString() => string.IsNullOrEmpty(Path) ? Message : $"{Path}: {Message}";
}
