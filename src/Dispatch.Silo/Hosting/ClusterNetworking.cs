using System.Net;
using Orleans.Configuration;

namespace Dispatch.Silo.Hosting;

/// <summary>How a silo of a PostgreSQL cluster talks to the others: one private port, no gateway, and membership and
/// call timeouts short enough that a dead silo or a stalled database is noticed in seconds (docs/cluster.md).</summary>
public static class ClusterNetworking
{
    /// <summary>Votes that declare a silo dead. Two: with three silos both survivors must agree, so one silo that is
    /// itself stalled (a long GC, a starved VM) cannot evict a healthy peer on its own.</summary>
    public const int VotesForDeath = 2;

    /// <summary>How often a silo reads the membership table even when gossip says nothing changed.</summary>
    public static readonly TimeSpan TableRefresh = TimeSpan.FromSeconds(10);

    public static ISiloBuilder UseDispatchClusterNetworking(this ISiloBuilder silo, SiloClusterOptions cluster)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(cluster);

        // Validated with the options: one IP address, not "any".
        var address = cluster.AdvertisedIp ?? IPAddress.Loopback;
        var port = cluster.SiloPort;
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = address;
            o.SiloPort = port;
            // Bound to the advertised address only: the default would be the same, but it is said here so that no
            // later default can widen it to every interface.
            o.SiloListeningEndpoint = new IPEndPoint(address, port);
            o.GatewayPort = 0;
            o.GatewayListeningEndpoint = null;
        });

        var probeTimeout = cluster.ProbeTimeout;
        var missedProbes = cluster.MissedProbesLimit;
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            // A silo is suspected after missedProbes probes of probeTimeout each go unanswered, and declared dead
            // once VotesForDeath silos suspect it. The defaults (5 s, 3 missed) take 15 s and more; these take a
            // few. The price: a silo that stalls for longer than that (GC, CPU starvation) is declared dead too,
            // and a silo declared dead stops itself. docs/cluster.md "Membership" says how to relax them.
            o.ProbeTimeout = probeTimeout;
            o.NumMissedProbesLimit = missedProbes;
            o.NumVotesForDeathDeclaration = VotesForDeath;
            o.TableRefreshTimeout = TableRefresh;
        });

        var responseTimeout = cluster.ResponseTimeout;
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = responseTimeout);
        return silo;
    }
}
