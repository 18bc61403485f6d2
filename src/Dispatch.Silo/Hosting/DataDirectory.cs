namespace Dispatch.Silo.Hosting;

/// <summary>The silo's data directory: the SQLite file, the admin key and (by default) the Data Protection keys live here.</summary>
public sealed class DataDirectory
{
    public DataDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    public string AdminKeyFile => System.IO.Path.Combine(Path, "admin.key");

    public string SqliteFile => System.IO.Path.Combine(Path, "dispatch.db");

    /// <summary>The Data Protection key ring, unless <c>Dispatch:DataProtection:KeysDir</c> names another place.</summary>
    public string KeysDir => System.IO.Path.Combine(Path, "keys");

    /// <summary>From <c>Dispatch:DataDir</c>, or <c>.dispatch-data</c> under the current directory; created if missing.</summary>
    public static DataDirectory From(DataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.DataDir;
        var path = string.IsNullOrWhiteSpace(configured)
            ? System.IO.Path.Combine(Environment.CurrentDirectory, DispatchSettings.DefaultDataDirName)
            : configured;
        var directory = new DataDirectory(path);
        Directory.CreateDirectory(directory.Path);
        return directory;
    }
}
