namespace Dispatch.Silo.Hosting;

/// <summary>The host's log messages. None of them carries a request body or a key.</summary>
internal static partial class SiloLog
{
    [LoggerMessage(1, LogLevel.Information, "Storage schema applied ({Provider}).")]
    public static partial void SchemaApplied(this ILogger logger, Storage.StorageProviderKind provider);

    [LoggerMessage(2, LogLevel.Warning, "No API keys were configured: created an admin key ({KeyId}); it is in {AdminKeyFile}")]
    public static partial void AdminKeyCreated(this ILogger logger, string keyId, string adminKeyFile);

    [LoggerMessage(3, LogLevel.Information, "Admin key file: {AdminKeyFile}")]
    public static partial void AdminKeyFileKept(this ILogger logger, string adminKeyFile);

    [LoggerMessage(4, LogLevel.Information,
        "Dispatch is listening on {Url}  OpenAPI: {OpenApiUrl}  Scalar UI: {ScalarUrl}  Data directory: {DataDir}  Admin key file: {AdminKeyFile}")]
    public static partial void Listening(this ILogger logger, string url, string openApiUrl, string scalarUrl, string dataDir, string adminKeyFile);

    [LoggerMessage(5, LogLevel.Error, "Unhandled error on {Method} {Path}")]
    public static partial void UnhandledError(this ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(6, LogLevel.Debug, "Rejected {Method} {Path} with {Status}")]
    public static partial void RequestRejected(this ILogger logger, string method, string path, int status);

    [LoggerMessage(7, LogLevel.Warning, "No network is stored and no seed file was found; PUT /v1/network to load one")]
    public static partial void NoSeedNetwork(this ILogger logger);

    [LoggerMessage(8, LogLevel.Information, "Loaded the network from {Path} (version {Version})")]
    public static partial void NetworkSeeded(this ILogger logger, string path, long version);
}
