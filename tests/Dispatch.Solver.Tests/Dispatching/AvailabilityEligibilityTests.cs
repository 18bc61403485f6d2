using Dispatch.Solver.Dispatching;

namespace Dispatch.Solver.Tests.Dispatching;

/// <summary>docs/dispatch-semantics.md "Eligibility", check 1: the resource must be available, else
/// <c>not_available</c>.</summary>
public sealed class AvailabilityEligibilityTests
{
    [Theory]
    [InlineData(ResourceStatus.Assigned)]
    [InlineData(ResourceStatus.Offline)]
    public void Recommend_ResourceNotAvailable_ExcludedAsNotAvailable(ResourceStatus status)
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("u", "flatbed").Resource("v", "flatbed"))
            .BuildEngine();
        engine.SetResourceStatus("u", status);

        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        Assert.Equal(ReasonCodes.NotAvailable, result.ReasonFor("u"));
        Assert.False(result.IsOffered("u"));
        Assert.True(result.IsOffered("v"));
    }

    [Fact]
    public void Recommend_ResourceOfflineInDocument_ExcludedAsNotAvailable()
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("u", "flatbed", status: "offline"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        Assert.Equal(ReasonCodes.NotAvailable, result.ReasonFor("u"));
    }

    [Fact]
    public void Recommend_ResourceMadeAvailableAgain_IsOffered()
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("u", "flatbed", status: "offline"))
            .BuildEngine();
        engine.SetResourceStatus("u", ResourceStatus.Available);

        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        Assert.Equal("u", result.Recommendation?.ResourceId);
        Assert.Empty(result.Excluded);
    }
}
