using BenchmarkDotNet.Running;
using Dispatch.Benchmarks;

if (args is ["batch-report", ..])
{
    BatchReport.Print();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
