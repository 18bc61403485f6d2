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
        CreatePrivateDirectory(directory.Path);
        return directory;
    }

    /// <summary>Creates the directory for the silo's user only (700) where the platform has modes. A directory that
    /// exists is left as its owner set it: it may be one an operator prepared.</summary>
    public static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Makes the SQLite database file, and its write-ahead log and shared-memory files if there, readable and
    /// writable by the silo's user only (600). An empty file is a valid new database, and SQLite gives the files it
    /// makes beside it the database file's mode, so the log is private from its first byte.</summary>
    public static void PreparePrivateDatabaseFile(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        if (!File.Exists(file))
        {
            if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file)) is { } parent)
            {
                Directory.CreateDirectory(parent);
            }

            using var created = new FileStream(file, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly });
        }

        foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
        {
            if (File.Exists(path))
            {
                File.SetUnixFileMode(path, OwnerOnly);
            }
        }
    }
}
