namespace Dispatch.Cli.Tests.Support;

/// <summary>The small network the end-to-end tests run on: two regions (one remote), a direct center and a partner.</summary>
public static class TestFiles
{
    public static string TinyNetwork => Path.Combine(AppContext.BaseDirectory, "TestData", "tiny-network.json");

    /// <summary>A short generated demand on the tiny network, so runs take well under a second.</summary>
    public static string[] ShortDemand => ["--days", "1", "--rate", "30"];
}
