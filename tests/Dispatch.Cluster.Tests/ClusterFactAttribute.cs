namespace Dispatch.Cluster.Tests;

/// <summary>A fact that needs PostgreSQL's server binaries; test.sh installs them, so in CI these run.</summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (PostgresServer.FindBin() is null)
        {
            Skip = "No PostgreSQL server binaries (pg_ctl, initdb) on this machine.";
        }
    }
}
