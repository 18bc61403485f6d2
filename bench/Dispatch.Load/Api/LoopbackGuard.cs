using System.Net;

namespace Dispatch.Load.Api;

/// <summary>Refuses any target but this machine: the generator may only load-test itself.</summary>
public static class LoopbackGuard
{
    public static bool IsLoopback(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        // Decided on the literal host, not on DNS, so that no resolver trick can point "localhost" elsewhere.
        if (string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    public static Uri Require(Uri uri)
    {
        if (!IsLoopback(uri))
        {
            throw new ArgumentException($"Refusing {uri}: the load generator only targets loopback addresses (127.0.0.0/8, ::1, localhost).", nameof(uri));
        }

        return uri;
    }
}
