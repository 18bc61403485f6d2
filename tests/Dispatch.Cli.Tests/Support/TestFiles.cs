namespace Dispatch.Cli.Tests.Support;

/// <summary>The small network the end-to-end tests run on: two regions (one remote), a direct center and a partner.</summary>
public static class TestFiles
{
    public static string TinyNetwork => Path.Combine(AppContext.BaseDirectory, "TestData", "tiny-network.json");

    /// <summary>OR-Library pmed1 (n = 100, p = 5, optimum 5819); see TestData/orlib/README.md.</summary>
    public static string OrLibPmed1 => Path.Combine(AppContext.BaseDirectory, "TestData", "orlib", "pmed1.txt");

    /// <summary>The CLI's own build next to the tests, to run as a process (<c>dotnet dispatch.dll ...</c>).</summary>
    public static string DispatchDll => Path.Combine(AppContext.BaseDirectory, "dispatch.dll");

    /// <summary>A short generated demand on the tiny network, so runs take well under a second.</summary>
    public static string[] ShortDemand => ["--days", "1", "--rate", "30"];
}
