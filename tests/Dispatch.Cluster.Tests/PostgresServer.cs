using System.Diagnostics;
using System.Globalization;
using Dispatch.TestKit.Silos;

namespace Dispatch.Cluster.Tests;

/// <summary>A PostgreSQL server of the tests' own, in a temporary directory, that a test may stop and start again
/// (the shared DISPATCH_TEST_POSTGRES server must never be stopped). As root, it runs as the <c>postgres</c> user, as
/// test.sh does: root may not run postgres.</summary>
public sealed class PostgresServer : IDisposable
{
    private const string Database = "dispatch_cluster";

    private PostgresServer(string bin, string directory, int port)
    {
        Bin = bin;
        Directory = directory;
        Port = port;
    }

    public string Bin { get; }

    public string Directory { get; }

    public int Port { get; }

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={Database};Pooling=true;Maximum Pool Size=30;Timeout=3;Command Timeout=10";

    /// <summary>The directory of <c>pg_ctl</c> and <c>initdb</c>: on the PATH, else the newest /usr/lib/postgresql/*/bin.</summary>
    public static string? FindBin()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "initdb")))
            {
                return new FileInfo(Path.Combine(dir, "pg_ctl")).ResolveLinkTarget(returnFinalTarget: true) is FileInfo target ? target.DirectoryName ?? dir : dir;
            }
        }

        const string root = "/usr/lib/postgresql";
        if (!System.IO.Directory.Exists(root))
        {
            return null;
        }

        return System.IO.Directory.GetDirectories(root)
            .Select(d => (Version: double.TryParse(Path.GetFileName(d), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0, Bin: Path.Combine(d, "bin")))
            .Where(d => File.Exists(Path.Combine(d.Bin, "pg_ctl")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Bin)
            .FirstOrDefault();
    }

    public static async Task<PostgresServer> StartNewAsync()
    {
        var bin = FindBin() ?? throw new InvalidOperationException("No PostgreSQL binaries (pg_ctl, initdb) found.");
        var directory = System.IO.Directory.CreateTempSubdirectory("dispatch-cluster-pg-").FullName;
        var server = new PostgresServer(bin, directory, FreePort.Next());
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", directory]);
        }

        await AsPostgresAsync($"'{bin}/initdb' -D '{directory}/data' -U postgres -A trust -E UTF8 --no-locale");
        await server.StartAsync();
        await AsPostgresAsync($"'{bin}/createdb' -h 127.0.0.1 -p {server.Port} -U postgres {Database}");
        return server;
    }

    public Task StartAsync() => AsPostgresAsync(
        $"'{Bin}/pg_ctl' -D '{Directory}/data' -l '{Directory}/server.log' -w -t 60 " +
        $"-o \"-c listen_addresses=127.0.0.1 -c port={Port} -c unix_socket_directories='{Directory}' -c max_connections=200 -c fsync=off\" start");

    /// <summary>Stops at once, as a crash or a lost host would: sessions are cut, nothing waits for clients.</summary>
    public Task StopAsync() => AsPostgresAsync($"'{Bin}/pg_ctl' -D '{Directory}/data' -m immediate -w stop");

    public void Dispose()
    {
        try
        {
            StopAsync().GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder's own clean-up.
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static Task AsPostgresAsync(string command) =>
        IsRoot ? RunAsync("su", ["postgres", "-s", "/bin/sh", "-c", command]) : RunAsync("/bin/sh", ["-c", command]);

    private static async Task RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
