using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Dispatch.Silo.Hosting;

/// <summary>How the silo joins its Orleans cluster (section <c>Dispatch:Orleans</c>).</summary>
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

    [Range(1, 65535, ErrorMessage = DispatchSettings.GatewayPort + PortMessage)]
    public int GatewayPort { get; set; } = Orleans.Configuration.EndpointOptions.DEFAULT_GATEWAY_PORT;

    /// <summary>The IP address other silos reach this one on (PostgreSQL clusters); the host's address when empty.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>The parsed <see cref="AdvertisedAddress"/>; null when it is empty or not an IP address.</summary>
    public IPAddress? AdvertisedIp => IPAddress.TryParse(AdvertisedAddress, out var address) ? address : null;
}
