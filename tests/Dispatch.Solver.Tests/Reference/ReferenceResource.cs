using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Tests.Reference;

/// <summary>A resource with its live status and position; the rest comes from the document.</summary>
internal sealed class ReferenceResource(string id, string type, CenterDocument center, ResourceStatus status, GeoPoint position)
{
    public string Id { get; } = id;

    public string Type { get; } = type;

    public CenterDocument Center { get; } = center;

    public ResourceStatus Status { get; set; } = status;

    public GeoPoint Position { get; set; } = position;

    public bool IsPartner => Center.Kind == "partner";
}
