using System.Globalization;

namespace Dispatch.Silo.Endpoints;

/// <summary>What an audit entry says of each audited change (<see cref="AuditFilters.Audited"/>): the request's own
/// figures, never anything of a customer's.</summary>
internal static class AuditDetails
{
    public static string? NetworkVersion(EndpointFilterInvocationContext context, object? value) =>
        value is NetworkEndpoints.NetworkAccepted accepted ? Invariant($"version {accepted.Version}, {accepted.Centers} centers, {accepted.Resources} resources") : null;

    public static string? Stock(EndpointFilterInvocationContext context, object? value) =>
        Argument<CenterEndpoints.StockChange>(context) is { } change ? Invariant($"{change.Sku} {change.Delta:+0;-0} ({change.Reason})") : null;

    public static string? Position(EndpointFilterInvocationContext context, object? value) =>
        Argument<ResourceEndpoints.PositionChange>(context) is { } change ? Invariant($"{change.Lat},{change.Lon}") : null;

    public static string? Status(EndpointFilterInvocationContext context, object? value) =>
        Argument<ResourceEndpoints.StatusChange>(context)?.Status;

    public static string? CreatedKeyId(EndpointFilterInvocationContext context, object? value) =>
        (value as AdminKeyEndpoints.CreatedKey)?.Id;

    public static string? CreatedKeyRole(EndpointFilterInvocationContext context, object? value) =>
        value is AdminKeyEndpoints.CreatedKey key ? "role " + key.Role : null;

    private static T? Argument<T>(EndpointFilterInvocationContext context)
        where T : class => context.Arguments.OfType<T>().FirstOrDefault();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
