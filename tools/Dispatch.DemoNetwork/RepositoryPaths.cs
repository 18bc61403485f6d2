namespace Dispatch.DemoNetwork;

/// <summary>Finds the repository's data directory from wherever the tool or a test runs.</summary>
public static class RepositoryPaths
{
    public static string DataDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Dispatch.sln")))
                {
                    return Path.Combine(dir.FullName, "data");
                }
            }
        }

        throw new DirectoryNotFoundException("Dispatch.sln not found above the current or the application directory");
    }
}
