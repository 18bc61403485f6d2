using System.Net;
using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Hosting;

/// <summary>The annotations of <see cref="SiloClusterOptions"/>, and the rules between fields.</summary>
public static class SiloClusterOptionsValidator
{
    /// <summary>The annotations, then what no single field can say.</summary>
    public static ValidateOptionsResult ValidateAll(SiloClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        builder.AddResult(SettingsRegistration.Annotations(options));
        if (!string.IsNullOrWhiteSpace(options.GatewayPort))
        {
            builder.AddError($"{DispatchSettings.GatewayPort} is no longer a setting: the silo opens no Orleans gateway (the API runs inside it). Remove it.");
        }

        if (options.AdvertisedIp is not { } address)
        {
            builder.AddError($"{DispatchSettings.AdvertisedAddress} must be an IP address.");
        }
        else if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            // The address is advertised as well as bound: other silos cannot reach "any", and the port would be open on every interface.
            builder.AddError($"{DispatchSettings.AdvertisedAddress} must be one private address, not {address} (every interface).");
        }

        return builder.Build();
    }
}
