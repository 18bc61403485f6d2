using Dispatch.Solver.Validation;

namespace Dispatch.Solver.Tests.Validation;

internal static class ErrorAssert
{
    /// <summary>Asserts that the errors are exactly one, at the path, with a message containing the text.</summary>
    public static ValidationError Single(IReadOnlyList<ValidationError> errors, string path, string messagePart)
    {
        var error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        return error;
    }

    public static void Contains(IReadOnlyList<ValidationError> errors, string path, string messagePart) =>
        Assert.Contains(errors, e => e.Path == path && e.Message.Contains(messagePart, StringComparison.Ordinal));
}
