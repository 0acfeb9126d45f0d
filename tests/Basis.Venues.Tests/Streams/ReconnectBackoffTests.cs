using Basis.Venues.Exchanges.Streams;

namespace Basis.Venues.Tests.Streams;

public sealed class ReconnectBackoffTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(0, 500)]
    [InlineData(1, 1000)]
    [InlineData(2, 2000)]
    [InlineData(5, 16000)]
    [InlineData(6, 30000)]
    [InlineData(1000, 30000)]
    public void Without_jitter_the_wait_doubles_per_attempt_up_to_the_cap(int attempt, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), ReconnectBackoff.Delay(attempt, Initial, Max, 0.2, 0));

    [Fact]
    public void Jitter_takes_off_at_most_its_share_and_never_exceeds_the_cap()
    {
        Assert.InRange(ReconnectBackoff.Delay(1, Initial, Max, 0.2, 0.999999), TimeSpan.FromMilliseconds(799), TimeSpan.FromMilliseconds(801));
        Assert.InRange(ReconnectBackoff.Delay(20, Initial, Max, 0.2, 0.5), TimeSpan.FromMilliseconds(26_999), TimeSpan.FromMilliseconds(27_001));
        for (var i = 0; i < 1000; i++)
        {
            var wait = ReconnectBackoff.Delay(i % 70, Initial, Max, 0.2, Random.Shared.NextDouble());
            Assert.InRange(wait, TimeSpan.FromMilliseconds(400), Max);
        }
    }

    [Fact]
    public void Out_of_range_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReconnectBackoff.Delay(-1, Initial, Max, 0.2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReconnectBackoff.Delay(0, Initial, Max, 1.5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReconnectBackoff.Delay(0, Initial, Max, 0.2, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReconnectBackoff.Delay(0, Max, Initial, 0.2, 0));
    }
}
