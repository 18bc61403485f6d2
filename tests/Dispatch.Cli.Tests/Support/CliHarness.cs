namespace Dispatch.Cli.Tests.Support;

/// <summary>Runs the whole CLI in this process, as the shell would, and captures both streams.</summary>
public static class CliHarness
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(args, CancellationToken.None);

    public static async Task<CliResult> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await DispatchCli.RunAsync(args, CliConsole.Plain(output, error), handleTermination: false, cancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
