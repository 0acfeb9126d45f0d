using Basis.Configuration.Binding;
using Basis.Core.Instruments;
using Basis.Core.Stress;

namespace Basis.Configuration.Tests.Binding;

/// <summary>A shock travels inside a backtest request as its <c>--stress</c> argument, so it must read back unchanged.</summary>
public sealed class StressArgumentTests
{
    private static readonly DateTime At = new(2025, 2, 1, 6, 0, 0, DateTimeKind.Utc);

    public static TheoryData<MarketShock> Shocks() =>
    [
        new LstDepegShock(LstToken.WeEth, 0.05, At, 24),
        new LstDepegShock(LstToken.WstEth, 0.123456789, At, 3, MovesOracle: false),
        new FundingShock(At, 48, null),
        new FundingShock(At, 12, -0.0003),
        new BorrowRateShock("WETH", 0.5, At, 72),
        new PriceShock(Asset.Eth, -0.15, At),
        new PriceShock(Asset.Btc, 0.1, At),
    ];

    [Theory]
    [MemberData(nameof(Shocks))]
    public void The_argument_reads_back_as_the_same_shock(MarketShock shock)
    {
        var parsed = StressBinding.Parse(shock.ToArgument());

        Assert.Equal(shock, parsed);
        Assert.Equal(shock.Describe(), parsed.Describe());
    }
}
