namespace Dispatch.Silo.Tests.Grains;

/// <summary>Test-only grain: a persisted counter, to exercise grain storage through a real silo.</summary>
public interface ICounterTestGrain : IGrainWithIntegerKey
{
    Task<int> IncrementAsync();

    /// <summary>Re-reads the state from storage (not the activation's copy) and returns the stored count.</summary>
    Task<int> ReadStoredAsync();

    /// <summary>The silo the activation lives on.</summary>
    Task<string> GetSiloAsync();
}
