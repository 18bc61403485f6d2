using Dispatch.Silo.Hosting;

namespace Dispatch.Silo.Auth;

/// <summary>
/// At first start (no keys at all) makes an admin key and writes it to <c>&lt;data dir&gt;/admin.key</c>,
/// readable by the owner only. The key is never logged: only where it is.
/// </summary>
public sealed class AdminKeyBootstrapper(
    ApiKeyService keys,
    DataDirectory dataDirectory,
    ILogger<AdminKeyBootstrapper> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var created = await keys.CreateFirstAdminAsync();
        if (created is null)
        {
            if (File.Exists(dataDirectory.AdminKeyFile))
            {
                logger.AdminKeyFileKept(dataDirectory.AdminKeyFile);
            }

            return;
        }

        await WriteKeyFileAsync(dataDirectory.AdminKeyFile, created.Value.Key, cancellationToken);
        logger.AdminKeyCreated(created.Value.Record.Id, dataDirectory.AdminKeyFile);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task WriteKeyFileAsync(string path, string key, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            // Created with 600 from the start, so the key is never readable by others, not even briefly.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(path, options))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteLineAsync(key.AsMemory(), cancellationToken);
        }

        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode only applies to a new file; an old file keeps its mode unless reset.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
