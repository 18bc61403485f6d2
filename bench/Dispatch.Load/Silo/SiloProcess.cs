using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dispatch.Load.Silo;

/// <summary>A Dispatch silo started by the generator: <c>dotnet Dispatch.Silo.dll --urls http://127.0.0.1:PORT</c> with a
/// fresh data directory, its output kept in <c>silo.log</c> there.</summary>
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
    public bool HasExited => _process.HasExited;

    public static SiloProcess Start(string siloDll)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siloDll);
        if (!File.Exists(siloDll))
        {
            throw new FileNotFoundException($"The silo assembly {siloDll} does not exist; build src/Dispatch.Silo first.", siloDll);
        }

        var dataDirectory = Directory.CreateTempSubdirectory("dispatch-load-").FullName;
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
        // Free Orleans ports too, so a silo already running on this machine (default 11111/30000) is no obstacle.
        start.Environment["Dispatch__Orleans__SiloPort"] = FreeLoopbackPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Dispatch__Orleans__GatewayPort"] = FreeLoopbackPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var log = new StreamWriter(Path.Combine(dataDirectory, "silo.log")) { AutoFlush = true };
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
        return new SiloProcess(process, log, address, dataDirectory);
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200 and the admin key file exists.</summary>
    public async Task<string> WaitUntilReadyAsync(TimeProvider time, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var started = time.GetTimestamp();
        string? lastProblem = null;
        while (time.GetElapsedTime(started) < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with code {_process.ExitCode} before it was ready; see {LogPath}.");
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

        throw new TimeoutException($"The silo was not ready within {timeout.TotalSeconds:0}s ({lastProblem}); see {LogPath}.");
    }

    public string LogTail(int lines = 40)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException error)
        {
            return $"(could not read {LogPath}: {error.Message})";
        }
    }

    /// <summary>Stops the silo: SIGTERM for a graceful shutdown, then a kill if it lingers.</summary>
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
                    using var term = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false });
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
    }

    /// <summary>Finds the repository's build of the silo, Release first, walking up from here.</summary>
    public static string? FindSiloDll(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            foreach (var configuration in new[] { "Release", "Debug" })
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
