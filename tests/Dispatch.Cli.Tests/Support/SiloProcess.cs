using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Dispatch.Cli.Tests.Support;

/// <summary>A real Dispatch silo for the CLI to talk to: <c>dotnet Dispatch.Silo.dll</c> on free loopback ports with a
/// fresh data directory (SQLite, admin.key), its output kept in <c>silo.log</c> there.</summary>
/// <remarks>Started as a process, as a planner's silo is: the CLI may not reference the silo's assemblies.</remarks>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private SiloProcess(Process process, StreamWriter log, Uri address, string dataDirectory)
    {
        _process = process;
        _log = log;
        Address = address;
        DataDirectory = dataDirectory;
    }

    public Uri Address { get; }
    public string DataDirectory { get; }
    public string LogPath => Path.Combine(DataDirectory, "silo.log");
    public string AdminKeyPath => Path.Combine(DataDirectory, "admin.key");

    /// <param name="settings">Extra configuration, as environment variables (<c>Dispatch__...</c>).</param>
    public static SiloProcess Start(string siloDll, IReadOnlyDictionary<string, string> settings)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("dispatch-cli-silo-").FullName;
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet")
        {
            // The silo's content root is its own folder, where its appsettings are.
            WorkingDirectory = Path.GetDirectoryName(siloDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(siloDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["Dispatch__DataDir"] = dataDirectory;
        // Free Orleans ports too, so that another silo on this machine is no obstacle.
        start.Environment["Dispatch__Orleans__SiloPort"] = FreeLoopbackPort().ToString(CultureInfo.InvariantCulture);
        start.Environment["Dispatch__Orleans__GatewayPort"] = FreeLoopbackPort().ToString(CultureInfo.InvariantCulture);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var log = new StreamWriter(Path.Combine(dataDirectory, "silo.log")) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => WriteLine(log, e.Data);
        process.ErrorDataReceived += (_, e) => WriteLine(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SiloProcess(process, log, new Uri($"http://127.0.0.1:{port}/"), dataDirectory);
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200 and the admin key file is there.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        string? lastProblem = null;
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with code {_process.ExitCode} before it was ready:\n{LogTail()}");
            }

            try
            {
                using var response = await http.GetAsync("health/ready");
                if (response.StatusCode == HttpStatusCode.OK && File.Exists(AdminKeyPath))
                {
                    return;
                }

                lastProblem = $"/health/ready answered {(int)response.StatusCode}";
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                lastProblem = error.Message;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The silo was not ready within {timeout.TotalSeconds:0}s ({lastProblem}):\n{LogTail()}");
    }

    public HttpClient CreateAdminClient()
    {
        var http = new HttpClient { BaseAddress = Address };
        http.DefaultRequestHeaders.Authorization = new("Bearer", File.ReadAllText(AdminKeyPath).Trim());
        return http;
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

    /// <summary>The silo build named by <c>DISPATCH_CLI_TEST_SILO_DLL</c>, or else this repository's build in the
    /// configuration the tests were built in.</summary>
    public static string FindSiloDll()
    {
        if (Environment.GetEnvironmentVariable("DISPATCH_CLI_TEST_SILO_DLL") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : throw new FileNotFoundException("DISPATCH_CLI_TEST_SILO_DLL names no file.", configured);
        }

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

        throw new FileNotFoundException($"No {configuration} build of src/Dispatch.Silo above {AppContext.BaseDirectory}; the test project builds it, so build the test project.");
    }

    /// <summary>SIGTERM for a graceful stop, a kill if it lingers; the data directory goes with it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                using (var term = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false }))
                {
                    term?.WaitForExit();
                }

                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            catch (InvalidOperationException)
            {
                // Exited between the check and the signal.
            }
        }

        _process.Dispose();
        await _log.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder's own clean-up.
        }
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
