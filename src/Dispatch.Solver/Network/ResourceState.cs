using Dispatch.Solver.Dispatching;

namespace Dispatch.Solver.Network;

/// <summary>A unit and its live state (status and position change; the rest is fixed).</summary>
internal sealed class ResourceState(int index, string id, int typeIndex, int centerIndex, ResourceStatus status, double lat, double lon)
{
    public int Index { get; } = index;
    public string Id { get; } = id;
    public int TypeIndex { get; } = typeIndex;
    public int CenterIndex { get; } = centerIndex;
    public ResourceStatus Status { get; set; } = status;
    public double Lat { get; set; } = lat;
    public double Lon { get; set; } = lon;
}
