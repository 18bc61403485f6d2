using BenchmarkDotNet.Running;
using Dispatch.Benchmarks;
using Dispatch.Benchmarks.Guard;

if (args is ["batch-report", ..])
{
    BatchReport.Print();
    return 0;
}

if (args is ["placement-report", ..])
{
    PlacementReport.Print(args);
    return 0;
}

if (args is ["guard", ..])
{
    return GuardCommand.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
