using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Hosting;

/// <summary>Per-key request rates (section <c>Dispatch:RateLimits</c>): each API key has a token bucket of its role's size;
/// see <see cref="RateLimitHosting"/>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Dispatch:RateLimits";

    /// <summary>Off for load tests that drive one key far past any person's pace; on in production.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Agents dispatch: a busy console or a center's integration sends bursts while a surge comes in.</summary>
    public KeyRateLimit Agent { get; set; } = new() { PermitsPerSecond = 200, Burst = 400 };

    /// <summary>Planners read and start what-if runs, which queue anyway; far fewer calls than dispatch.</summary>
    public KeyRateLimit Planner { get; set; } = new() { PermitsPerSecond = 50, Burst = 100 };

    /// <summary>Admins load networks and manage keys, and may do anything an agent does.</summary>
    public KeyRateLimit Admin { get; set; } = new() { PermitsPerSecond = 200, Burst = 400 };

    public KeyRateLimit For(string role) => role switch
    {
        Grains.Auth.ApiRoles.Admin => Admin,
        Grains.Auth.ApiRoles.Planner => Planner,
        _ => Agent,
    };

    public static ValidateOptionsResult Validate(RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (name, limit) in new[] { ("Agent", options.Agent), ("Planner", options.Planner), ("Admin", options.Admin) })
        {
            if (limit is null)
            {
                failures.Add($"{Section}:{name} is required.");
                continue;
            }

            // 0 would refuse every request of the role: that is revoking keys, not limiting them.
            if (limit.PermitsPerSecond is < 1 or > KeyRateLimit.Ceiling)
            {
                failures.Add($"{Section}:{name}:PermitsPerSecond must be within 1..{KeyRateLimit.Ceiling}.");
            }

            if (limit.Burst is < 1 or > KeyRateLimit.Ceiling)
            {
                failures.Add($"{Section}:{name}:Burst must be within 1..{KeyRateLimit.Ceiling}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>A token bucket: <see cref="Burst"/> requests at once, refilled by <see cref="PermitsPerSecond"/> each second.</summary>
public sealed class KeyRateLimit
{
    /// <summary>Above this a limit means nothing on one silo; a typo, not a setting.</summary>
    public const int Ceiling = 1_000_000;

    public int PermitsPerSecond { get; set; }

    public int Burst { get; set; }
}
