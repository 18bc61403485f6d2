using System.ComponentModel.DataAnnotations;

namespace Dispatch.Silo.Hosting;

/// <summary>Customer data retention (section <c>Dispatch:Privacy</c>); see <see cref="RetentionSweep"/>.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Dispatch:Privacy";
    public const string RetainClosedForKey = Section + ":RetainClosedFor";
    public const string SweepEveryKey = Section + ":SweepEvery";

    /// <summary>How long a closed case keeps its customer's name, phone, VIN and notes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "36500.00:00:00", ErrorMessage = RetainClosedForKey + " must be a time span from 00:00:01 up (e.g. 90.00:00:00).")]
    public TimeSpan RetainClosedFor { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often each silo asks for a sweep; a case is erased at most this long after it is due.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = SweepEveryKey + " must be a time span within 00:00:01..1.00:00:00.")]
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromHours(1);
}
