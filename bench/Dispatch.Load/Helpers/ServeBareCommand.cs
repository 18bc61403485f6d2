using Dispatch.Load.Baseline;

namespace Dispatch.Load.Helpers;

/// <summary><c>--serve-bare PORT</c>: the bare endpoint alone, in its own process, for an outside generator (wrk)
/// to measure on the same terms as the silo.</summary>
public static class ServeBareCommand
{
    public static async Task<int> RunAsync(int port, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var bare = await BareEndpoint.StartAsync(port, cancellationToken).ConfigureAwait(false);
        // Scripts wait for this line to know the port is open.
        output.WriteLine($"Serving POST {bare.Address}{BareEndpoint.Path} until stopped");
        output.Flush();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bare.Stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        return 0;
    }
}
