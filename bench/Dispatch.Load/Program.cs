using Dispatch.Load;
using Dispatch.Load.Cli;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(LoadOptionsParser.Usage);
    return 0;
}

if (!LoadOptionsParser.TryParse(args, out var options, out var errors))
{
    foreach (var error in errors)
    {
        Console.Error.WriteLine("error: " + error);
    }

    Console.Error.WriteLine();
    Console.Error.WriteLine(LoadOptionsParser.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await new LoadCommand(options, TimeProvider.System, Console.Out).RunAsync(cancel.Token);
