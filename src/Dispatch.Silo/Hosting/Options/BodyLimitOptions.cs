using System.ComponentModel.DataAnnotations;

namespace Dispatch.Silo.Hosting;

/// <summary>Request size limits (section <c>Dispatch:Limits</c>): body limits in bytes (see <see cref="RequestBodyLimits"/>)
/// and how many incidents one committed batch may hold.</summary>
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

    /// <summary>Incidents in one <c>POST /v1/dispatch/batch</c> with <c>commit: true</c>. Committing opens a case and writes a
    /// hold for every incident at once, each a storage write beside live dispatch's; past a few hundred, one request
    /// holds up everyone else's dispatches. A larger surge is committed in several requests.</summary>
    [Range(1, Endpoints.BatchEndpoints.MaxIncidents, ErrorMessage = BatchCommitSetting + " must be within 1..2000 incidents.")]
    public int BatchCommitIncidents { get; set; } = 500;

    /// <summary>The configuration key of <see cref="BatchCommitIncidents"/>.</summary>
    public const string BatchCommitSetting = Section + ":BatchCommitIncidents";
}
