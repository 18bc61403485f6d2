using Dispatch.Cli;

return await DispatchCli.RunAsync(args, CliConsole.System(), handleTermination: true);
