using Basis.Core.Accounting;

namespace Basis.Core.Tests.Accounting;

public sealed class PerpAccountingTests
{
    [Fact]
    public void Short_receives_funding_when_rate_is_positive()
    {
        // Short 2 ETH, mark 3,000, rate +0.01% per 8 h: payment = −(−2) × 3000 × 0.0001 = +0.60 USDT.
        Assert.Equal(0.6, PerpAccounting.FundingPayment(-2, 3_000, 0.0001), 12);
    }

    [Fact]
    public void Short_pays_funding_when_rate_is_negative()
    {
        // Same short at −0.005%: −(−2) × 3000 × (−0.00005) = −0.30 USDT.
        Assert.Equal(-0.3, PerpAccounting.FundingPayment(-2, 3_000, -0.00005), 12);
    }

    [Fact]
    public void Long_pays_funding_when_rate_is_positive()
    {
        Assert.Equal(-0.6, PerpAccounting.FundingPayment(2, 3_000, 0.0001), 12);
    }

    [Fact]
    public void Unrealised_pnl_of_a_short_is_negative_when_the_mark_rises()
    {
        // Short 2 from 3,000; mark 3,150: 2 × −150 = −300 USDT.
        Assert.Equal(-300, PerpAccounting.UnrealisedPnl(-2, 3_000, 3_150), 12);
    }

    [Fact]
    public void Margin_ratio_counts_unrealised_pnl_against_mark_notional()
    {
        // 1,500 USDT margin, short 2 ETH from 3,000 at mark 3,150: (1500 − 300) / (2 × 3150) = 0.190476...
        Assert.Equal(1_200.0 / 6_300.0, PerpAccounting.MarginRatio(1_500, -300, -2, 3_150), 12);
    }

    [Fact]
    public void Adding_to_a_position_averages_the_entry()
    {
        // Short 1 at 3,000 then 1 more at 3,300: short 2 at 3,150, nothing realised.
        var (size, entry, realised) = PerpAccounting.ApplyFill(-1, 3_000, -1, 3_300);

        Assert.Equal((-2.0, 3_150.0, 0.0), (size, entry, realised));
    }

    [Fact]
    public void Reducing_a_position_realises_pnl_on_the_closed_part()
    {
        // Short 2 at 3,000; buy back 0.5 at 2,800: realised 0.5 × (3000 − 2800) = +100 USDT; 1.5 short stays at 3,000.
        var (size, entry, realised) = PerpAccounting.ApplyFill(-2, 3_000, 0.5, 2_800);

        Assert.Equal(-1.5, size, 12);
        Assert.Equal(3_000, entry, 12);
        Assert.Equal(100, realised, 12);
    }

    [Fact]
    public void Crossing_zero_realises_everything_and_reopens_at_the_fill()
    {
        // Short 1 at 3,000; buy 3 at 2,900: realise +100, end long 2 at 2,900.
        var (size, entry, realised) = PerpAccounting.ApplyFill(-1, 3_000, 3, 2_900);

        Assert.Equal((2.0, 2_900.0, 100.0), (size, entry, realised));
    }
}
