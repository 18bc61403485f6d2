using System.Net;

namespace Dispatch.Silo.Tests.Hosting;

/// <summary>The data directory is the silo user's only (700), and so are the database and the admin key (600).</summary>
public sealed class DataDirectoryModeTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnly | UnixFileMode.UserExecute;

    [Fact]
    public async Task Start_NewDataDirectory_Mode700_DatabaseAndAdminKey600()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var parent = SiloHarness.NewTempDir();
        var dataDir = Path.Combine(parent, "data");
        try
        {
            await using (var silo = new SiloHarness(new SiloOptions { DataDir = dataDir, SeedNetwork = SiloHarness.NoSeed }, SiloLogs.None))
            {
                silo.Start();
                using (var admin = silo.Admin())
                using (var ready = await admin.GetAsync("/health/ready"))
                {
                    Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
                }

                Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(dataDir));
                AssertOwnerOnly(Path.Combine(dataDir, "admin.key"));
                AssertOwnerOnly(Path.Combine(dataDir, "dispatch.db"));
                AssertOwnerOnly(Path.Combine(dataDir, "dispatch.db-wal"));
            }

            // A database file loosened meanwhile is private again at the next start.
            File.SetUnixFileMode(Path.Combine(dataDir, "dispatch.db"), OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            await using (var silo = new SiloHarness(new SiloOptions { DataDir = dataDir, SeedNetwork = SiloHarness.NoSeed }, SiloLogs.None))
            {
                silo.Start();
                AssertOwnerOnly(Path.Combine(dataDir, "dispatch.db"));
            }
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void AssertOwnerOnly(string file)
    {
        Assert.True(File.Exists(file), file);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(file));
    }
}
