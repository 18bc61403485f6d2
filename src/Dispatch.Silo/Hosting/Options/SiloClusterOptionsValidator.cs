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
        if (options.SiloPort == options.GatewayPort)
        {
            builder.AddError($"{DispatchSettings.SiloPort} and {DispatchSettings.GatewayPort} must differ (both are {options.SiloPort}).");
        }

        if (!string.IsNullOrWhiteSpace(options.AdvertisedAddress) && options.AdvertisedIp is null)
        {
            builder.AddError($"{DispatchSettings.AdvertisedAddress} must be an IP address.");
        }

        return builder.Build();
    }
}
