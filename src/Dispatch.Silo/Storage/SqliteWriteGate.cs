namespace Dispatch.Silo.Storage;

/// <summary>
/// The one writer slot of the SQLite file, shared by every grain storage that writes to it.
/// </summary>
/// <remarks>
/// SQLite admits one writer at a time anyway. Writers that race for its lock lose to SQLITE_BUSY,
/// and Microsoft.Data.Sqlite answers that by blocking the calling thread for 150 ms per retry,
/// which stalls Orleans' scheduler threads. Queuing here instead costs an async wait of a few
/// milliseconds and blocks no thread.
/// </remarks>
public sealed class SqliteWriteGate : IDisposable
{
    private readonly SemaphoreSlim slot = new(1, 1);

    /// <summary>Runs <paramref name="write"/> once no other write through this gate is running.</summary>
    public async Task RunAsync(Func<Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        await slot.WaitAsync().ConfigureAwait(false);
        try
        {
            await write().ConfigureAwait(false);
        }
        finally
        {
            slot.Release();
        }
    }

    public void Dispose() => slot.Dispose();
}
