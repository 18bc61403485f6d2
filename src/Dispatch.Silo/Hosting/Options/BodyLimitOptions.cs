using System.ComponentModel.DataAnnotations;

namespace Dispatch.Silo.Hosting;

/// <summary>Request body limits in bytes (section <c>Dispatch:Limits</c>); see <see cref="RequestBodyLimits"/>.</summary>
public sealed class BodyLimitOptions
{
    public const string Section = "Dispatch:Limits";

    // A limit of 0 would refuse every body, including the network document the silo cannot work without.
    private const string Positive = " must be a number of bytes from 1 up.";

    /// <summary>The whole network document (<c>PUT /v1/network</c>) and a batch (<c>POST /v1/dispatch/batch</c>).</summary>
    [Range(typeof(long), "1", "9223372036854775807", ErrorMessage = DispatchSettings.NetworkBodyLimitBytes + Positive)]
    public long NetworkBodyBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>A scenario: a whole base document and many replayed calls.</summary>
    [Range(typeof(long), "1", "9223372036854775807", ErrorMessage = DispatchSettings.ScenarioBodyLimitBytes + Positive)]
    public long ScenarioBodyBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Every other request, all of them small.</summary>
    [Range(typeof(long), "1", "9223372036854775807", ErrorMessage = DispatchSettings.DefaultBodyLimitBytes + Positive)]
    public long DefaultBodyBytes { get; set; } = 1L * 1024 * 1024;
}
