using System.Reflection;

namespace Dispatch.Grains.Storage;

/// <summary>The project's own SQL schema scripts for the Orleans AdoNet providers, embedded in this assembly.</summary>
public static class StorageScripts
{
    public const string SqlitePersistence = "sqlite-persistence.sql";
    public const string PostgresPersistence = "postgresql-persistence.sql";
    public const string PostgresClustering = "postgresql-clustering.sql";
    public const string SqliteReminders = "sqlite-reminders.sql";
    public const string PostgresReminders = "postgresql-reminders.sql";

    /// <summary>Reads one of the scripts named by the constants of this class.</summary>
    public static string Read(string scriptName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scriptName);
        var resourceName = "Dispatch.Storage." + scriptName;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resourceName)
            ?? throw new ArgumentException($"No embedded storage script named '{scriptName}'.", nameof(scriptName));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
