namespace Dispatch.Solver.Dispatching;

/// <summary>How a unit serves an incident: repairs it where it stands, or tows the vehicle away.</summary>
public enum DispatchMode
{
    /// <summary>Repaired where it stands.</summary>
    Onsite,

    /// <summary>Towed away; only a tow case passes through towing.</summary>
    Tow,
}

/// <summary>The wire names of <see cref="DispatchMode"/> in network documents, the API and stored holds.</summary>
public static class DispatchModeNames
{
    /// <summary>Wire name of <see cref="DispatchMode.Onsite"/>.</summary>
    public const string Onsite = "onsite";
    /// <summary>Wire name of <see cref="DispatchMode.Tow"/>.</summary>
    public const string Tow = "tow";

    /// <summary>The wire name of a mode.</summary>
    public static string ToName(this DispatchMode mode) => mode switch
    {
        DispatchMode.Onsite => Onsite,
        DispatchMode.Tow => Tow,
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    /// <summary>Reads a wire name; false for anything but the two exact lower-case names.</summary>
    public static bool TryParse(string? name, out DispatchMode mode)
    {
        switch (name)
        {
            case Onsite: mode = DispatchMode.Onsite; return true;
            case Tow: mode = DispatchMode.Tow; return true;
            default: mode = default; return false;
        }
    }

    /// <summary>The mode of a stored or shown name; null for none or a name no version wrote.</summary>
    public static DispatchMode? KindOf(string? name) => TryParse(name, out var mode) ? mode : null;
}
