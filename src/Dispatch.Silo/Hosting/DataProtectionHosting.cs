using Microsoft.AspNetCore.DataProtection;

namespace Dispatch.Silo.Hosting;

/// <summary>
/// The Data Protection key ring that seals customer data at rest (<c>Dispatch.Grains.Incidents.CustomerDataProtector</c>).
/// Every silo of a cluster must read the same key ring (a shared directory or a mounted secret), and losing it makes
/// the stored customer data unreadable: back it up with the database.
/// </summary>
public static class DataProtectionHosting
{
    /// <summary>The application name the keys are isolated by: the same on every silo, wherever it is installed
    /// (the default would be the content root path, which differs between installations).</summary>
    public const string ApplicationName = "Dispatch";

    public static WebApplicationBuilder AddDispatchDataProtection(this WebApplicationBuilder builder, DataDirectory dataDirectory, KeyRingOptions keyRing)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        var keysDir = KeysDir(keyRing, dataDirectory);
        CreatePrivate(keysDir);
        builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(keysDir));
        return builder;
    }

    /// <summary>From <c>Dispatch:DataProtection:KeysDir</c>, or <c>keys</c> in the data directory.</summary>
    public static string KeysDir(KeyRingOptions keyRing, DataDirectory dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(keyRing);
        ArgumentNullException.ThrowIfNull(dataDirectory);
        var configured = keyRing.KeysDir;
        return string.IsNullOrWhiteSpace(configured) ? dataDirectory.KeysDir : Path.GetFullPath(configured);
    }

    // The key files are the secret itself: readable by the silo's user only, where the platform has modes.
    private static void CreatePrivate(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
