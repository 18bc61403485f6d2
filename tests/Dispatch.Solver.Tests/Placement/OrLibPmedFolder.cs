namespace Dispatch.Solver.Tests.Placement;

/// <summary>Where the copied OR-Library p-median files are (Data/orlib-pmed, see its README.md).</summary>
internal static class OrLibPmedFolder
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var copied = System.IO.Path.Combine(AppContext.BaseDirectory, "Data", "orlib-pmed");
        if (Directory.Exists(copied))
        {
            return copied;
        }

        // Until the project file copies Data/ to the output as it does TestData/, read the files where the repository
        // keeps them: the folder next to the project file, found by walking up from the test binaries.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "Data", "orlib-pmed");
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Dispatch.Solver.Tests.csproj")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("Data/orlib-pmed was neither copied to the output nor found above " + AppContext.BaseDirectory);
    }
}
