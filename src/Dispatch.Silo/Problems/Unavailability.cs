using System.Data.Common;
using Orleans.Serialization;
using Orleans.Storage;

namespace Dispatch.Silo.Problems;

/// <summary>Tells a failure of the service's own machinery (storage down, a call timed out, a silo gone) from a bug:
/// the first is a 503 with <c>Retry-After</c>, since the same request will work once the cluster or the database is
/// back; the second stays a 500.</summary>
public static class Unavailability
{
    /// <summary>Seconds a client is asked to wait: about how long a dead silo takes to be declared dead
    /// (docs/cluster.md "Membership").</summary>
    public const int RetryAfterSeconds = 5;

    private const string UnstableDirectory = "is not stable to perform the lookup";

    // Exceptions of other processes arrive as the fallback type when their own type cannot cross (Npgsql's, say):
    // their type name is all there is to go by.
    private static readonly string[] TransientTypeNames =
    [
        "System.TimeoutException",
        "System.Data.Common.DbException",
        "Npgsql.NpgsqlException",
        "Npgsql.PostgresException",
        "Microsoft.Data.Sqlite.SqliteException",
        "Orleans.Runtime.SiloUnavailableException",
        "Orleans.Runtime.OrleansMessageRejectionException",
        "Orleans.Runtime.Messaging.ConnectionFailedException",
        "Microsoft.AspNetCore.Connections.ConnectionAbortedException",
        "Microsoft.AspNetCore.Connections.ConnectionResetException",
        "Orleans.Storage.InconsistentStateException",
        "Dispatch.Grains.Storage.StorageUnavailableException",
    ];

    /// <summary>Whether <paramref name="exception"/>, or anything it wraps, says the service is unavailable for now.</summary>
    public static bool IsTransient(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var e))
        {
            switch (e)
            {
                // A storage fault (a database down, a disk full) or a stale write of an activation that lost its
                // silo: the request did not change what it meant to, and may be repeated.
                case DbException:
                case Dispatch.Grains.Storage.StorageUnavailableException:
                case InconsistentStateException:
                case TimeoutException:
                case SiloUnavailableException:
                case OrleansMessageRejectionException:
                // A link to another silo broke or could not be made (that silo died, and the cluster has not
                // declared it dead yet): the cluster is settling.
                case Orleans.Runtime.Messaging.ConnectionFailedException:
                case Microsoft.AspNetCore.Connections.ConnectionAbortedException:
                case Microsoft.AspNetCore.Connections.ConnectionResetException:
                    return true;
                case UnavailableExceptionFallbackException fallback when TransientTypeNames.Contains(fallback.ExceptionType, StringComparer.Ordinal):
                    return true;

                // Right after a silo dies, the grain directory refuses lookups that still point at it ("not stable ...
                // Retry later"); Orleans throws it as a plain OrleansException, so its message is all there is to go by.
                case OrleansException when e.Message.Contains(UnstableDirectory, StringComparison.Ordinal):
                    return true;
                case AggregateException aggregate:
                    foreach (var inner in aggregate.InnerExceptions)
                    {
                        pending.Push(inner);
                    }

                    break;
                default:
                    if (e.InnerException is { } wrapped)
                    {
                        pending.Push(wrapped);
                    }

                    break;
            }
        }

        return false;
    }
}
