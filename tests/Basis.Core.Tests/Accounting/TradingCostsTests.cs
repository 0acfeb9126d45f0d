using Basis.Core.Accounting;
using Basis.Core.Costs;

namespace Basis.Core.Tests.Accounting;

public sealed class TradingCostsTests
{
    private static readonly SlippageTable Table = new(new Dictionary<string, IReadOnlyList<SlippageBucket>>
    {
        ["ETH_weETH"] = [new(50_000, 20), new(500_000, 24), new(double.PositiveInfinity, 35)],
    });

    [Theory]
    [InlineData(10_000, 20)]
    [InlineData(50_000, 20)]
    [InlineData(50_001, 24)]
    [InlineData(499_999, 24)]
    [InlineData(2_000_000, 35)]
    [InlineData(-75_000, 24)]
    public void Slippage_uses_the_first_bucket_that_holds_the_notional(double notionalUsd, double expectedBps)
    {
        Assert.Equal(expectedBps, Table.Bps("ETH_weETH", notionalUsd));
    }

    [Fact]
    public void A_cost_in_bps_is_a_fraction_of_the_absolute_notional()
    {
        // 5 bps of a 120,000 USDT sale = 60 USDT.
        Assert.Equal(60, TradingCosts.OfBps(-120_000, 5), 12);
    }

    [Fact]
    public void An_unknown_pair_is_an_error_naming_the_known_ones()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Table.Bps("ETH_eETH", 1_000));

        Assert.Contains("ETH_weETH", error.Message, StringComparison.Ordinal);
    }
}
