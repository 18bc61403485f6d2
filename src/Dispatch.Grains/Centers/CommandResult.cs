using System.Diagnostics.CodeAnalysis;

namespace Dispatch.Grains.Centers;

public enum CommandError
{
    None,
    NotFound,
    Conflict,
    Invalid,
}

/// <summary>The answer of a command that can be refused, so refusals cross grain calls as values, not exceptions.</summary>
[GenerateSerializer, Immutable]
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Ok/Fail build the type the grain method returns, so the call site names T anyway.")]
public sealed record CommandResult<T>([property: Id(0)] CommandError Error, [property: Id(1)] string? Detail, [property: Id(2)] T? Value)
{
    public bool Succeeded => Error == CommandError.None;

    public static CommandResult<T> Ok(T value) => new(CommandError.None, null, value);

    public static CommandResult<T> Fail(CommandError error, string detail) => new(error, detail, default);
}
