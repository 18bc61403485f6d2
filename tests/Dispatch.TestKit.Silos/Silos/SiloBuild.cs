using Dispatch.SiloLauncher;

namespace Dispatch.TestKit.Silos;

/// <summary>The silo build that out-of-process tests start (<see cref="SiloProcess"/>): the one named by
/// <c>DISPATCH_CLI_TEST_SILO_DLL</c>, or else this repository's build in the configuration the tests were built in.</summary>
public static class SiloBuild
{
    public static string FindDll()
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
        return SiloProcess.FindSiloDll(AppContext.BaseDirectory, configuration)
            ?? throw new FileNotFoundException($"No {configuration} build of src/Dispatch.Silo above {AppContext.BaseDirectory}; the test project builds it, so build the test project.");
    }

    /// <summary>Starts that build on a fresh data directory, removed when the process is disposed.</summary>
    /// <param name="settings">Extra configuration, as environment variables (<c>Dispatch__...</c>).</param>
    public static SiloProcess Start(IReadOnlyDictionary<string, string>? settings = null) =>
        SiloProcess.Start(FindDll(), settings, deleteDataOnDispose: true, directoryPrefix: "dispatch-test-silo-");

    /// <summary>Starts that build on a given data directory, kept when the process is disposed (a restart may follow).</summary>
    public static SiloProcess StartOn(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null) =>
        SiloProcess.Start(FindDll(), settings, dataDirectory: dataDirectory);
}
