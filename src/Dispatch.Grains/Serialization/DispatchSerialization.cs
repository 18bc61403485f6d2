using Dispatch.Solver.Documents;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Dispatch.Grains.Serialization;

/// <summary>Lets Orleans carry the Solver's plain document and result types as JSON, so the Solver stays free of
/// Orleans attributes while grains exchange and store them.</summary>
public static class DispatchSerialization
{
    public static ISerializerBuilder AddDispatchSerialization(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(
            isSupported: type => type.Namespace is { } ns && ns.StartsWith("Dispatch.Solver", StringComparison.Ordinal),
            jsonSerializerOptions: DocumentJson.Options);

    public static IServiceCollection AddDispatchSerialization(this IServiceCollection services) =>
        services.AddSerializer(builder => builder.AddDispatchSerialization());
}
