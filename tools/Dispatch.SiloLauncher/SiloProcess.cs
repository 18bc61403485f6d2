using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Dispatch.SiloLauncher;

/// <summary>A real Dispatch silo as a process: <c>dotnet Dispatch.Silo.dll --urls http://127.0.0.1:PORT</c> on free
/// loopback ports with a fresh data directory (SQLite, admin.key), its output kept in <c>silo.log</c> there.</summary>
/// <remarks>Started as a process, as a planner's or an operator's silo is: the CLI may not reference the silo's
/// assemblies, and a load generator must measure the silo, not share a process with it.</remarks>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly bool _deleteDataOnDispose;

    private SiloProcess(Process process, StreamWriter log, Uri address, string dataDirectory, bool deleteDataOnDispose)
    {
        _process = process;
        _log = log;
        _deleteDataOnDispose = deleteDataOnDispose;
        Address = address;
        DataDirectory = dataDirectory;
    }

    public Uri Address { get; }
    public string DataDirectory { get; }
    public string LogPath => Path.Combine(DataDirectory, "silo.log");
    public string AdminKeyPath => Path.Combine(DataDirectory, "admin.key");
    public bool HasExited => _process.HasExited;

    /// <summary>The operating system's id of the silo process (to inspect its sockets, say).</summary>
    public int ProcessId => _process.Id;

    /// <param name="siloDll">The silo build to run.</param>
    /// <param name="settings">Extra configuration, as environment variables (<c>Dispatch__...</c>).</param>
    /// <param name="deleteDataOnDispose">Remove the data directory with the process (tests); a load run keeps it
    /// when it failed, for its log and database.</param>
    /// <param name="directoryPrefix">How the temporary data directory's name starts.</param>
    /// <param name="dataDirectory">An existing data directory to start on (a restart after a crash) instead of a new one.</param>
    public static SiloProcess Start(
        string siloDll,
        IReadOnlyDictionary<string, string>? settings = null,
        bool deleteDataOnDispose = false,
        string directoryPrefix = "dispatch-silo-",
        string? dataDirectory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siloDll);
        if (!File.Exists(siloDll))
        {
            throw new FileNotFoundException($"The silo assembly {siloDll} does not exist; build src/Dispatch.Silo first.", siloDll);
        }

        dataDirectory ??= Directory.CreateTempSubdirectory(directoryPrefix).FullName;
        var port = FreeLoopbackPort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            // The silo's content root is its own folder, where its appsettings and static files are.
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(siloDll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.GetFullPath(siloDll));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["Dispatch__DataDir"] = dataDirectory;
        // A free silo port too, so a silo already running on this machine (default 11111) is no obstacle.
        start.Environment["Dispatch__Orleans__SiloPort"] = FreeLoopbackPort().ToString(CultureInfo.InvariantCulture);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var log = new StreamWriter(Path.Combine(dataDirectory, "silo.log"), append: true) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => WriteLine(log, e.Data);
        process.ErrorDataReceived += (_, e) => WriteLine(log, e.Data);
        if (!process.Start())
        {
            log.Dispose();
            process.Dispose();
            throw new InvalidOperationException("dotnet could not be started for the silo.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SiloProcess(process, log, address, dataDirectory, deleteDataOnDispose);
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200 and the admin key file exists; returns the admin key.</summary>
    /// <param name="time">The clock to wait by (a load run's own); the system clock by default.</param>
    public async Task<string> WaitUntilReadyAsync(TimeSpan timeout, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        time ??= TimeProvider.System;
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var started = time.GetTimestamp();
        string? lastProblem = null;
        while (time.GetElapsedTime(started) < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with code {_process.ExitCode} before it was ready; see {LogPath}:\n{LogTail()}");
            }

            try
            {
                using var response = await http.GetAsync("health/ready", cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK && File.Exists(AdminKeyPath))
                {
                    return (await File.ReadAllTextAsync(AdminKeyPath, cancellationToken).ConfigureAwait(false)).Trim();
                }

                lastProblem = $"/health/ready answered {(int)response.StatusCode}";
            }
            catch (HttpRequestException error)
            {
                lastProblem = error.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastProblem = "/health/ready timed out";
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), time, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"The silo was not ready within {timeout.TotalSeconds:0}s ({lastProblem}); see {LogPath}:\n{LogTail()}");
    }

    /// <summary>A client with the admin key the silo wrote; call after <see cref="WaitUntilReadyAsync"/>.</summary>
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

    /// <summary>Finds the repository's build of the silo, walking up from <paramref name="startDirectory"/>, trying the
    /// <paramref name="configurations"/> in order (Release, then Debug, when none are given).</summary>
    public static string? FindSiloDll(string startDirectory, params string[] configurations)
    {
        if (configurations.Length == 0)
        {
            configurations = ["Release", "Debug"];
        }

        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            foreach (var configuration in configurations)
            {
                var candidate = Path.Combine(directory.FullName, "src", "Dispatch.Silo", "bin", configuration, "net10.0", "Dispatch.Silo.dll");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>SIGKILL: no shutdown, no flush; what storage had committed is all that is left.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <summary>SIGTERM for a graceful stop, a kill if it lingers.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                if (OperatingSystem.IsWindows())
                {
                    _process.Kill(entireProcessTree: true);
                }
                else
                {
                    using var term = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false });
                    term?.WaitForExit();
                }

                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Exited between the check and the signal.
            }
        }

        _process.Dispose();
        await _log.DisposeAsync().ConfigureAwait(false);
        if (_deleteDataOnDispose)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the temp folder's own clean-up.
            }
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
