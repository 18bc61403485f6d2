using Dispatch.Grains.Notifications;

namespace Dispatch.Grains.Tests.Notifications;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(1, 1, 2)]
    [InlineData(2, 2, 4)]
    [InlineData(3, 4, 8)]
    [InlineData(8, 128, 256)]
    public void Delay_Attempt_BetweenHalfAndAllOfTheDoubledCeiling(int attempts, double lowSeconds, double highSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(lowSeconds), RetryBackoff.Delay(attempts, Initial, Max, 0));
        var high = RetryBackoff.Delay(attempts, Initial, Max, 0.999999);
        Assert.InRange(high, TimeSpan.FromSeconds(highSeconds) - TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(highSeconds));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(40)]
    [InlineData(int.MaxValue)]
    public void Delay_ManyAttempts_CappedAtMax(int attempts)
    {
        Assert.Equal(Max / 2, RetryBackoff.Delay(attempts, Initial, Max, 0));
        Assert.True(RetryBackoff.Delay(attempts, Initial, Max, 0.999999) <= Max);
    }

    [Fact]
    public void Delay_AnyJitter_NeverShorterThanTheLongestWaitBefore()
    {
        var random = new Random(12);
        var longestBefore = TimeSpan.Zero;
        for (var attempt = 1; attempt <= 8; attempt++)
        {
            var shortest = RetryBackoff.Delay(attempt, Initial, Max, 0);
            Assert.True(shortest >= longestBefore);
            var drawn = RetryBackoff.Delay(attempt, Initial, Max, random.NextDouble());
            Assert.InRange(drawn, shortest, shortest * 2);
            longestBefore = shortest * 2;
        }
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1, 1.0)]
    [InlineData(1, -0.1)]
    public void Delay_OutOfRangeArguments_Throw(int attempts, double random) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryBackoff.Delay(attempts, Initial, Max, random));

    [Fact]
    public void Sign_KnownBody_IsHexHmacSha256OfTheRawBytes()
    {
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), a published test value.
        var signature = WebhookSignature.Sign("key", "The quick brown fox jumps over the lazy dog"u8);

        Assert.Equal("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", signature);
    }
}
