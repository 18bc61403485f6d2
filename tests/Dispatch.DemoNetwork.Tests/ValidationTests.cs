using Dispatch.DemoNetwork.Generation;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Validation;

namespace Dispatch.DemoNetwork.Tests;

public class ValidationTests
{
    [Fact]
    public void Validate_CheckedInDemoNetwork_HasNoErrors()
    {
        var errors = NetworkValidator.Validate(DemoData.CheckedInNetwork);

        Assert.Empty(errors.Select(e => $"{e.Path}: {e.Message}").Take(20));
    }

    [Fact]
    public void Validate_DemoNetworkWithACenterMovedOutOfChina_ReportsIt()
    {
        // Guards the test above against a validator that accepts anything.
        var network = DemoData.CheckedInNetwork;
        var centers = network.Centers!.ToList();
        centers[0] = centers[0] with { Location = new GeoPoint(0, 0) };

        var errors = NetworkValidator.Validate(network with { Centers = centers });

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Validate_GeneratedDocument_HasNoErrors()
    {
        var errors = NetworkValidator.Validate(DemoData.Generated.Network);

        Assert.Empty(errors.Select(e => $"{e.Path}: {e.Message}").Take(20));
    }
}
