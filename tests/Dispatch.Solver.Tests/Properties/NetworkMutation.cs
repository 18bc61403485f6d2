using System.Globalization;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Tests.Reference;

namespace Dispatch.Solver.Tests.Properties;

/// <summary>One live change, applied alike to the engine and to the reference.</summary>
internal abstract record NetworkMutation
{
    public abstract void ApplyTo(DispatchEngine engine);

    public abstract void ApplyTo(ReferenceDispatcher reference);

    public sealed record SetStatus(string ResourceId, ResourceStatus Status) : NetworkMutation
    {
        public override void ApplyTo(DispatchEngine engine) => engine.SetResourceStatus(ResourceId, Status);

        public override void ApplyTo(ReferenceDispatcher reference) => reference.SetResourceStatus(ResourceId, Status);

        public override string ToString() => $"status {ResourceId} {Status.ToName()}";
    }

    public sealed record Move(string ResourceId, GeoPoint Position) : NetworkMutation
    {
        public override void ApplyTo(DispatchEngine engine) => engine.MoveResource(ResourceId, Position);

        public override void ApplyTo(ReferenceDispatcher reference) => reference.MoveResource(ResourceId, Position);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"move {ResourceId} ({Position.Lat:R}, {Position.Lon:R})");
    }

    public sealed record SetStock(string CenterId, string Sku, int OnHand, int Reserved) : NetworkMutation
    {
        public override void ApplyTo(DispatchEngine engine) => engine.SetStock(CenterId, Sku, OnHand, Reserved);

        public override void ApplyTo(ReferenceDispatcher reference) => reference.SetStock(CenterId, Sku, OnHand, Reserved);

        public override string ToString() => $"stock {CenterId} {Sku} {OnHand}/{Reserved}";
    }
}
