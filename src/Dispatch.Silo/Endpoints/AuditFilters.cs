using Dispatch.Grains.Auditing;
using Dispatch.Grains.Auth;
using Dispatch.Grains.Incidents;
using Dispatch.Silo.Auth;

namespace Dispatch.Silo.Endpoints;

/// <summary>Endpoint filters that write the audit log (<see cref="AuditLog"/>) once an endpoint has answered, so an
/// audited endpoint says so in one line: <c>.Audited("network.replace")</c>. Only successful answers are audited
/// (a refused change changed nothing); the entry is kept before the answer goes out.</summary>
internal static class AuditFilters
{
    public const string CustomerRead = "customer.read";
    public const string CustomerList = "customer.list";

    /// <summary>Audits an admin action. The target is <paramref name="target"/>'s answer, else the route's <c>id</c>,
    /// else the action's subject named in <paramref name="subject"/>; <paramref name="detail"/> may describe the change
    /// from the arguments or the answer's value (never a customer data value).</summary>
    public static RouteHandlerBuilder Audited(
        this RouteHandlerBuilder builder,
        string action,
        string? subject = null,
        Func<EndpointFilterInvocationContext, object?, string?>? target = null,
        Func<EndpointFilterInvocationContext, object?, string?>? detail = null,
        bool incident = false) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            if (Succeeded(result, out var value))
            {
                var routeId = context.HttpContext.GetRouteValue("id") as string;
                await Log(context).RecordAsync(
                    KeyId(context),
                    action,
                    target?.Invoke(context, value) ?? routeId ?? subject ?? action,
                    incident ? routeId : null,
                    detail?.Invoke(context, value));
            }

            return result;
        });

    /// <summary>Audits answers that show customer data unmasked (to agent and admin keys): one entry per request,
    /// naming the case, or for a list the cases whose data it showed.</summary>
    public static RouteHandlerBuilder AuditedCustomerReads(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var user = context.HttpContext.User;
            if (!Succeeded(result, out var value) || !(user.IsInRole(ApiRoles.Agent) || user.IsInRole(ApiRoles.Admin)))
            {
                return result;
            }

            switch (value)
            {
                case CaseView shown when HasCustomerData(shown):
                    await Log(context).RecordAsync(KeyId(context), CustomerRead, $"/v1/incidents/{shown.Id}", shown.Id);
                    break;
                case IncidentEndpoints.CaseList list when list.Items.Where(HasCustomerData).Select(c => c.Id).ToList() is { Count: > 0 } shownIds:
                    await Log(context).RecordAsync(KeyId(context), CustomerList, "/v1/incidents", detail: $"{shownIds.Count} case(s)", incidents: shownIds);
                    break;
            }

            return result;
        });

    private static bool HasCustomerData(CaseView view) =>
        view.Incident.Customer is not null || view.Incident.Vin is not null || view.Incident.Notes is not null;

    private static AuditLog Log(EndpointFilterInvocationContext context) =>
        context.HttpContext.RequestServices.GetRequiredService<AuditLog>();

    private static string KeyId(EndpointFilterInvocationContext context) =>
        CallerContext.KeyIdOf(context.HttpContext.User) ?? Caller.System;

    // Typed results come as Results<...> around the one that was chosen.
    private static bool Succeeded(object? result, out object? value)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        value = (result as IValueHttpResult)?.Value;
        return result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 };
    }
}
