using System.Diagnostics;
using Dispatch.Grains.Incidents;

namespace Dispatch.Silo.Telemetry;

/// <summary>
/// Puts the case id in the log scope (<c>CaseId</c>) and on the grain-call span (<c>dispatch.case_id</c>) of every call
/// into an incident grain, so that whatever the case, its dispatcher call or its storage logs can be found by case.
/// A case id is the agent's reference, never the caller's name, phone, VIN or notes.
/// </summary>
public sealed class CaseLogScope(ILoggerFactory loggers) : IIncomingGrainCallFilter
{
    public const string ScopeKey = "CaseId";
    public const string SpanTag = "dispatch.case_id";

    private readonly ILogger logger = loggers.CreateLogger("Dispatch.Cases");

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Grain is not IIncidentGrain)
        {
            await context.Invoke();
            return;
        }

        var caseId = context.TargetId.Key.ToString();
        Activity.Current?.SetTag(SpanTag, caseId);
        using (logger.BeginScope(new Dictionary<string, object?>(1, StringComparer.Ordinal) { [ScopeKey] = caseId }))
        {
            await context.Invoke();
        }
    }
}
