using Dispatch.Grains.Incidents;
using Dispatch.Grains.Privacy;
using Dispatch.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Dispatch.Silo.Tests.Storage;

public sealed class CompactGrainStorageSerializerTests
{
    private static readonly DateTimeOffset ClosedAt = new(2026, 12, 1, 8, 30, 0, TimeSpan.Zero);

    private static (CompactGrainStorageSerializer Compact, IGrainStorageSerializer Json) Serializers()
    {
        var services = new ServiceCollection().AddSerializer(s => s.AddAssembly(typeof(ClosedCasesState).Assembly)).BuildServiceProvider();
        var json = ActivatorUtilities.CreateInstance<JsonGrainStorageSerializer>(services, ActivatorUtilities.CreateInstance<OrleansJsonSerializer>(services));
        return (new CompactGrainStorageSerializer(new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()), json), json);
    }

    private static ClosedCasesState State()
    {
        var state = new ClosedCasesState { InCalendar = true };
        state.Cases["inc-1"] = ClosedAt;
        state.Cases["inc-2"] = ClosedAt.AddMinutes(5);
        return state;
    }

    [Fact]
    public void Serialize_State_IsNotJsonAndReadsBack()
    {
        var (compact, _) = Serializers();

        var stored = compact.Serialize(State());
        var read = compact.Deserialize<ClosedCasesState>(stored)!;

        Assert.NotEqual((byte)'{', stored.ToMemory().Span[0]);
        Assert.True(read.InCalendar);
        Assert.Equal(State().Cases, read.Cases);
    }

    [Fact]
    public void Deserialize_StateAnEarlierVersionWroteAsJson_ReadsIt()
    {
        var (compact, json) = Serializers();
        var legacy = json.Serialize(State());

        var read = compact.Deserialize<ClosedCasesState>(legacy)!;

        Assert.Equal((byte)'{', legacy.ToMemory().Span[0]);
        Assert.Equal(State().Cases, read.Cases);
    }

    [Fact]
    public void Serialize_ListOfRecords_IsAFractionOfTheTypedJson()
    {
        var (compact, json) = Serializers();
        var state = new IncidentRegistryState();
        for (var i = 0; i < 200; i++)
        {
            state.RecentlyClosed.Add(new IncidentListing($"inc-{i:D6}", "cancelled", ClosedAt.AddSeconds(i)));
        }

        var small = compact.Serialize(state).ToMemory().Length;
        var large = json.Serialize(state).ToMemory().Length;

        Assert.True(small * 2 < large, $"compact {small} bytes, JSON {large} bytes");
        Assert.Equal(state.RecentlyClosed, compact.Deserialize<IncidentRegistryState>(compact.Serialize(state))!.RecentlyClosed);
    }
}
