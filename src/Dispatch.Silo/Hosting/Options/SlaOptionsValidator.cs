using Dispatch.Grains.Incidents;
using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Hosting;

/// <summary>Every deadline of the standard must lie after the call; a zero or negative one would escalate every case
/// the moment it is opened.</summary>
public static class SlaOptionsValidator
{
    public static ValidateOptionsResult Validate(SlaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        foreach (var (key, value) in new[]
                 {
                     (DispatchSettings.SlaDispatchWithin, options.DispatchWithin),
                     (DispatchSettings.SlaEscalateAgainAfter, options.EscalateAgainAfter),
                     (DispatchSettings.SlaCloseWithin, options.CloseWithin),
                 })
        {
            if (value <= TimeSpan.Zero || value > MaxDeadline)
            {
                builder.AddError($"{key} must be a time span above 00:00:00 and at most {MaxDeadline:c} (was {value:c}).");
            }
        }

        return builder.Build();
    }

    /// <summary>A year: far beyond any standard, and far from the overflow of adding it to a date.</summary>
    public static readonly TimeSpan MaxDeadline = TimeSpan.FromDays(365);
}
