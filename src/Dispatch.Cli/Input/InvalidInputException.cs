namespace Dispatch.Cli.Input;

/// <summary>The input cannot be run as given; the CLI prints every error and exits with <see cref="ExitCodes.InvalidInput"/>.</summary>
public sealed class InvalidInputException : Exception
{
    public InvalidInputException(IReadOnlyList<InputError> errors)
        : base(string.Join("; ", errors))
    {
        Errors = errors;
    }

    public InvalidInputException(string path, string message)
        : this([new InputError(path, message)])
    {
    }

    public IReadOnlyList<InputError> Errors { get; }
}
