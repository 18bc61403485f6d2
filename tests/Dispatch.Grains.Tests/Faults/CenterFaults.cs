using Dispatch.Grains.Centers;

namespace Dispatch.Grains.Tests.Faults;

/// <summary>Fails chosen calls to chosen center grains, as a lost message or a timeout would: before the call runs
/// (the center never hears of it) or after (the center did the work, the caller hears only of a failure).</summary>
public sealed class CenterFaults : IIncomingGrainCallFilter
{
    public const string FailureMessage = "simulated lost call";

    private readonly List<Fault> faults = [];

    /// <summary>The next call of <paramref name="method"/> (e.g. <c>ReserveAsync</c>) to the center fails.</summary>
    public void FailNext(string centerId, string method, bool afterRunning = false)
    {
        lock (faults)
        {
            faults.Add(new Fault(centerId, method, afterRunning));
        }
    }

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var fault = Take(context);
        if (fault is { AfterRunning: false })
        {
            throw new TimeoutException(FailureMessage);
        }

        await context.Invoke();
        if (fault is not null)
        {
            throw new TimeoutException(FailureMessage);
        }
    }

    private Fault? Take(IIncomingGrainCallContext context)
    {
        if (context.Grain is not IServiceCenterGrain)
        {
            return null;
        }

        var key = context.TargetId.Key.ToString();
        lock (faults)
        {
            var index = faults.FindIndex(f => f.CenterId == key && f.Method == context.MethodName);
            if (index < 0)
            {
                return null;
            }

            var fault = faults[index];
            faults.RemoveAt(index);
            return fault;
        }
    }

    private sealed record Fault(string CenterId, string Method, bool AfterRunning);
}
