using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Dispatch.Silo.Tests.Durability;

/// <summary>The real silo as a child process (<c>dotnet Dispatch.Silo.dll</c>) on a data directory the test owns,
/// so that it can be killed with SIGKILL and started again on the same files.</summary>
/// <remarks>Modelled on the CLI tests' <c>SiloProcess</c>; meant to move into the shared test kit.</remarks>
public sealed class SiloChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private SiloChildProcess(Process process, StreamWriter log, Uri address, string dataDirectory)
    {
        this.process = process;
        this.log = log;
        Address = address;
        DataDirectory = dataDirectory;
    }

    public Uri Address { get; }

    public string DataDirectory { get; }

    public string AdminKeyPath => Path.Combine(DataDirectory, "admin.key");

    private string LogPath => Path.Combine(DataDirectory, $"silo-{process.Id}.log");

    /// <summary>Starts a silo on <paramref name="dataDirectory"/> (which it keeps), on free loopback ports.</summary>
    public static SiloChildProcess Start(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        var siloDll = FindSiloDll();
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(siloDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(siloDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["Dispatch__DataDir"] = dataDirectory;
        start.Environment["Dispatch__Orleans__SiloPort"] = FreeLoopbackPort().ToString(CultureInfo.InvariantCulture);
        start.Environment["Dispatch__Orleans__GatewayPort"] = FreeLoopbackPort().ToString(CultureInfo.InvariantCulture);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        process.Start();
        var log = new StreamWriter(Path.Combine(dataDirectory, $"silo-{process.Id}.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => WriteLine(log, e.Data);
        process.ErrorDataReceived += (_, e) => WriteLine(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SiloChildProcess(process, log, new Uri($"http://127.0.0.1:{port}/"), dataDirectory);
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with code {process.ExitCode} before it was ready:\n{LogTail()}");
            }

            try
            {
                using var response = await http.GetAsync("health/ready");
                if (response.StatusCode == HttpStatusCode.OK && File.Exists(AdminKeyPath))
                {
                    return;
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The silo was not ready within {timeout.TotalSeconds:0}s:\n{LogTail()}");
    }

    public HttpClient CreateAdminClient()
    {
        var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", File.ReadAllText(AdminKeyPath).Trim());
        return http;
    }

    /// <summary>SIGKILL: no shutdown, no flush; what storage had committed is all that is left.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();
    }

    public string LogTail(int lines = 40)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
        }
        catch (IOException error)
        {
            return $"(could not read {LogPath}: {error.Message})";
        }
    }

    /// <summary>Stops the silo (SIGTERM, then a kill if it lingers); the data directory stays with its owner.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            try
            {
                using (var term = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false }))
                {
                    term?.WaitForExit();
                }

                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            catch (InvalidOperationException)
            {
                // Exited between the check and the signal.
            }
        }

        process.Dispose();
        await log.DisposeAsync();
    }

    private static string FindSiloDll()
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "Dispatch.Silo", "bin", configuration, "net10.0", "Dispatch.Silo.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"No {configuration} build of src/Dispatch.Silo above {AppContext.BaseDirectory}; build the solution.");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void WriteLine(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }
}
