namespace Dispatch.Grains.Networks;

/// <summary>Keeps the accepted network document (topology, rules, parameters) for the dispatcher to rebuild from.</summary>
public interface INetworkGrain : IGrainWithStringKey
{
    Task<NetworkState> GetAsync();

    /// <summary>Stores a document and returns its new version.</summary>
    Task<long> SetAsync(string documentJson);
}
