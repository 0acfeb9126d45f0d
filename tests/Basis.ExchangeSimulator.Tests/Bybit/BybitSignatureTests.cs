using Basis.ExchangeSimulator.Bybit;

namespace Basis.ExchangeSimulator.Tests.Bybit;

/// <summary>shared/docs/SIGNING_VECTORS.md's Bybit v5 example.</summary>
public sealed class BybitSignatureTests
{
    [Fact]
    public void Matches_the_published_inputs()
    {
        // timestamp 1658384314791, key XXXXXXXXXX, recvWindow 5000, query category=option&symbol=BTC-29JUL22-25000-C
        Assert.Equal(
            "e9d95f93790258d5680772d879abb9df2571ae26d3edb5f36973f9757eef3a16",
            BybitApi.Sign("test-secret-not-real", "1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C"));
    }
}
