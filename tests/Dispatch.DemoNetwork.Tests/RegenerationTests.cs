using Dispatch.DemoNetwork.Generation;

namespace Dispatch.DemoNetwork.Tests;

public class RegenerationTests
{
    [Theory]
    [InlineData(DemoNetworkArtifacts.RegionsFile)]
    [InlineData(DemoNetworkArtifacts.NetworkFile)]
    [InlineData(DemoNetworkArtifacts.NetworkGeoJsonFile)]
    public void Generate_FromCheckedInSources_ReproducesCheckedInFileByteForByte(string fileName)
    {
        var generated = fileName switch
        {
            DemoNetworkArtifacts.RegionsFile => DemoData.Generated.RegionsGeoJson,
            DemoNetworkArtifacts.NetworkFile => DemoData.Generated.NetworkJson,
            _ => DemoData.Generated.NetworkGeoJson,
        };

        var checkedIn = DemoData.ReadCheckedIn(fileName);

        // Compare lengths first so a mismatch reports something readable instead of two megabytes.
        Assert.Equal(checkedIn.Length, generated.Length);
        var firstDifference = Enumerable.Range(0, checkedIn.Length).FirstOrDefault(i => checkedIn[i] != generated[i], -1);
        Assert.Equal(-1, firstDifference);
    }

    [Fact]
    public void Generate_WithAnotherSeed_ChangesTheFleetButNotTheSites()
    {
        var sources = Sources.RawSources.Load(DemoData.SourcesDirectory);

        var other = DemoNetworkGenerator.Generate(sources, seed: 7);

        Assert.Equal(DemoData.Generated.RegionsGeoJson, other.RegionsGeoJson);
        Assert.Equal(
            DemoData.Generated.Network.Centers!.Select(c => c.Id),
            other.Network.Centers!.Select(c => c.Id));
        Assert.NotEqual(DemoData.Generated.NetworkJson, other.NetworkJson);
    }
}
