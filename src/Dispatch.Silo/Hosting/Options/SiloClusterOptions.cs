using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Dispatch.Silo.Hosting;

/// <summary>How the silo joins its Orleans cluster (section <c>Dispatch:Orleans</c>).</summary>
/// <remarks>There is no gateway setting: the API runs inside the silo, so no Orleans client ever connects and the
/// gateway port stays closed (docs/cluster.md "Ports").</remarks>
public sealed class SiloClusterOptions
{
    public const string Section = "Dispatch:Orleans";

    /// <summary>Ports are 1..65535; 0 would let the system pick one that no other silo could know.</summary>
    private const string PortMessage = " must be a port from 1 to 65535.";

    [Required(AllowEmptyStrings = false, ErrorMessage = DispatchSettings.ClusterId + " must not be empty: silos of one cluster share it.")]
    public string ClusterId { get; set; } = "dispatch";

    [Required(AllowEmptyStrings = false, ErrorMessage = DispatchSettings.ServiceId + " must not be empty: it keys the stored grain state.")]
    public string ServiceId { get; set; } = "dispatch";

    [Range(1, 65535, ErrorMessage = DispatchSettings.SiloPort + PortMessage)]
    public int SiloPort { get; set; } = Orleans.Configuration.EndpointOptions.DEFAULT_SILO_PORT;

    /// <summary>Kept only to refuse it: a configuration that still opens a gateway is a mistake to point out, not to
    /// ignore (<see cref="SiloClusterOptionsValidator"/>).</summary>
    public string? GatewayPort { get; set; }

    /// <summary>The private IP address the silo-to-silo port is bound to and advertised on (PostgreSQL clusters): the
    /// address other silos reach this one on. Loopback by default, so a silo exposes nothing until told where to.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>How long a liveness probe may take before it counts as missed (PostgreSQL clusters).</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:01:00", ErrorMessage = DispatchSettings.ProbeTimeout + " must be between 00:00:00.500 and 00:01:00.")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Probes missed in a row before a silo suspects another (PostgreSQL clusters).</summary>
    [Range(1, 10, ErrorMessage = DispatchSettings.MissedProbesLimit + " must be from 1 to 10.")]
    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>How long a grain call may wait for its answer (PostgreSQL clusters): a dead silo or a stalled
    /// database fails the call after this, and the API answers 503 instead of hanging.</summary>
    [Range(typeof(TimeSpan), "00:00:02", "00:05:00", ErrorMessage = DispatchSettings.ResponseTimeout + " must be between 00:00:02 and 00:05:00.")]
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The parsed <see cref="AdvertisedAddress"/>; loopback when it is empty, null when it is not an IP address.</summary>
    public IPAddress? AdvertisedIp => string.IsNullOrWhiteSpace(AdvertisedAddress)
        ? IPAddress.Loopback
        : IPAddress.TryParse(AdvertisedAddress, out var address) ? address : null;
}
