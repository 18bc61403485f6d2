using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Dispatch.Load.Baseline;

/// <summary>The bare endpoint in a process of its own (this program with <c>--serve-bare 0</c>), so that the
/// generator measures it as it measures the silo: across loopback, sharing the cores but not the thread pool or GC.</summary>
public sealed partial class BareServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private BareServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<BareServerProcess> StartAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = SelfStartInfo();
        start.ArgumentList.Add("--serve-bare");
        start.ArgumentList.Add("0");
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException("The bare endpoint's process could not be started.");
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            while (await process.StandardOutput.ReadLineAsync(deadline.Token).ConfigureAwait(false) is { } line)
            {
                var match = ServingLine().Match(line);
                if (match.Success)
                {
                    // Keep draining its output so that it never blocks on a full pipe.
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
                    return new BareServerProcess(process, new Uri(match.Groups["address"].Value));
                }
            }

            throw new InvalidOperationException("The bare endpoint's process exited before serving: " + await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            Stop(process);
            process.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop(_process);
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>This program again: <c>dotnet Dispatch.Load.dll</c> or its own executable.</summary>
    private static ProcessStartInfo SelfStartInfo()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            var start = new ProcessStartInfo(host);
            start.ArgumentList.Add(typeof(BareServerProcess).Assembly.Location);
            return start;
        }

        return new ProcessStartInfo(host);
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    [GeneratedRegex(@"^Serving POST (?<address>http://\S+/)bare until stopped$")]
    private static partial Regex ServingLine();
}
