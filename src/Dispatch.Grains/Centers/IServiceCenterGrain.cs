using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Centers;

/// <summary>One service center: the authority for its units and parts. Reservations are idempotent per incident.</summary>
public interface IServiceCenterGrain : IGrainWithStringKey
{
    Task<CenterSnapshot> GetAsync();

    Task ConfigureAsync(CenterConfiguration configuration);

    /// <summary>Forgets the center (it left the network); refused while it holds reservations.</summary>
    Task<bool> RemoveAsync();

    Task<ReserveOutcome> ReserveAsync(ReserveRequest request);

    /// <summary>Ends the incident's hold as done: the part is consumed, the unit is free where the job ended.</summary>
    Task<Reservation?> CommitAsync(string incidentId, double lat, double lon);

    /// <summary>Ends the incident's hold without using it: the part goes back, the unit is free where it stands.</summary>
    Task<Reservation?> ReleaseAsync(string incidentId);

    Task<CommandResult<ResourceSnapshot>> SetStatusAsync(string resourceId, ResourceStatus status);

    Task<CommandResult<ResourceSnapshot>> SetPositionAsync(string resourceId, double lat, double lon);

    Task<CommandResult<StockSnapshot>> AdjustStockAsync(string sku, int delta);
}
