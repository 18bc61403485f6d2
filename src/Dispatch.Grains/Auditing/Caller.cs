namespace Dispatch.Grains.Auditing;

/// <summary>Who a grain call acts for: the API key id the HTTP boundary put in Orleans' <see cref="RequestContext"/>,
/// or <see cref="System"/> when the call did not start at a request (timers, reminders, the silo's own work).</summary>
/// <remarks>RequestContext travels with every call made from a turn that has it, so a grain two calls away from the
/// request still knows the caller without each method taking it as a parameter. It carries the key's id, never the
/// key itself.</remarks>
public static class Caller
{
    /// <summary>What the silo's own actions are attributed to.</summary>
    public const string System = "system";

    private const string Key = "dispatch.by";

    /// <summary>The key id of the request this call serves, or <see cref="System"/>.</summary>
    public static string Current => RequestContext.Get(Key) is string { Length: > 0 } keyId ? keyId : System;

    /// <summary>Attributes the calls made from here on (in this async flow) to <paramref name="keyId"/>.</summary>
    public static void Set(string keyId)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        RequestContext.Set(Key, keyId);
    }

    /// <summary>Attributes the calls made inside the scope to the silo itself, as work a caller set off but does
    /// not own (e.g. a queue that moves on because someone freed a unit); the caller is restored at the end.</summary>
    public static IDisposable AsSystem()
    {
        var before = RequestContext.Get(Key);
        RequestContext.Remove(Key);
        return new Restore(before);
    }

    private sealed class Restore(object? before) : IDisposable
    {
        public void Dispose()
        {
            if (before is not null)
            {
                RequestContext.Set(Key, before);
            }
        }
    }
}
