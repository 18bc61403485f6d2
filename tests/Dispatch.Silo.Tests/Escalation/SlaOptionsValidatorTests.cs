using Dispatch.Grains.Incidents;
using Dispatch.Silo.Hosting;

namespace Dispatch.Silo.Tests.Escalation;

public sealed class SlaOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(SlaOptionsValidator.Validate(new SlaOptions()).Succeeded);
    }

    [Theory]
    [InlineData("00:00:00", "Dispatch:Sla:DispatchWithin")]
    [InlineData("-00:01:00", "Dispatch:Sla:DispatchWithin")]
    [InlineData("400.00:00:00", "Dispatch:Sla:DispatchWithin")]
    public void Validate_DispatchWithinOutOfRange_FailsNamingTheSetting(string value, string key)
    {
        var result = SlaOptionsValidator.Validate(new SlaOptions { DispatchWithin = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroCloseWithinAndEscalateAgainAfter_BothNamed()
    {
        var result = SlaOptionsValidator.Validate(new SlaOptions { CloseWithin = TimeSpan.Zero, EscalateAgainAfter = TimeSpan.Zero });

        Assert.Contains("Dispatch:Sla:CloseWithin", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Dispatch:Sla:EscalateAgainAfter", result.FailureMessage, StringComparison.Ordinal);
    }
}
