using BenchmarkDotNet.Running;
using Dispatch.Benchmarks;

if (args is ["batch-report", ..])
{
    BatchReport.Print();
    return;
}

if (args is ["placement-report", ..])
{
    PlacementReport.Print(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
