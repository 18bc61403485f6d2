using Spectre.Console;

namespace Dispatch.Cli.Running;

/// <summary>Spectre progress bars around runs: one bar per run, fed 0..1 by the simulator or the silo's polled progress.</summary>
public static class ProgressDisplay
{
    public static async Task<IReadOnlyList<T>> RunAsync<T>(
        IAnsiConsole console,
        IReadOnlyList<string> descriptions,
        Func<int, IProgress<double>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(descriptions);
        ArgumentNullException.ThrowIfNull(work);
        return await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var tasks = descriptions.Select(d => context.AddTask(Markup.Escape(d), autoStart: false, maxValue: 1.0)).ToList();
                var results = new List<T>(tasks.Count);
                for (var i = 0; i < tasks.Count; i++)
                {
                    tasks[i].StartTask();
                    results.Add(await work(i, new TaskReporter(tasks[i])).ConfigureAwait(false));
                    tasks[i].Value = tasks[i].MaxValue;
                    tasks[i].StopTask();
                }

                return (IReadOnlyList<T>)results;
            }).ConfigureAwait(false);
    }

    /// <summary>Sets the bar directly from whichever thread reports: <see cref="ProgressTask"/> is thread-safe, and
    /// <see cref="Progress{T}"/> would post late updates after the run has ended.</summary>
    private sealed class TaskReporter(ProgressTask task) : IProgress<double>
    {
        public void Report(double value) => task.Value = Math.Clamp(value, 0, 1) * task.MaxValue;
    }
}
