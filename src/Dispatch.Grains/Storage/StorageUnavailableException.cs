namespace Dispatch.Grains.Storage;

/// <summary>A grain's storage could not be read or written (the database is down, unreachable or refused the write).
/// It stands in for the driver's own exception, which Orleans cannot carry from one silo to another: the caller on
/// any silo still learns that storage failed, and the API answers 503.</summary>
[GenerateSerializer]
public sealed class StorageUnavailableException : OrleansException
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
