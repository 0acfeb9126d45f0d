using Basis.ExchangeSimulator.Accounting;

namespace Basis.ExchangeSimulator.Tests.Accounting;

public sealed class PositionTests
{
    [Fact]
    public void Adding_to_a_long_weights_the_entry_by_quantity()
    {
        var position = new Position("BTCUSDT");
        position.Apply(1m, 100m, 0);
        position.Apply(3m, 200m, 0);

        // (1 × 100 + 3 × 200) / 4 = 175
        Assert.Equal(4m, position.Size);
        Assert.Equal(175m, position.EntryPrice);
    }

    [Fact]
    public void Partial_close_realises_pnl_and_keeps_the_entry()
    {
        var position = new Position("BTCUSDT");
        position.Apply(1m, 100m, 0);
        position.Apply(3m, 200m, 0);

        var realised = position.Apply(-1m, 195m, 0);

        // 1 × (195 − 175) = 20; 3 left at 175
        Assert.Equal(20m, realised);
        Assert.Equal(3m, position.Size);
        Assert.Equal(175m, position.EntryPrice);
        Assert.Equal(20m, position.RealisedPnl);
    }

    [Fact]
    public void Buying_back_part_of_a_short_below_entry_realises_a_gain()
    {
        var position = new Position("ETHUSDT");
        position.Apply(-2m, 100m, 0);

        // 0.5 × (90 − 100) × −1 = +5
        Assert.Equal(5m, position.Apply(0.5m, 90m, 0));
        Assert.Equal(-1.5m, position.Size);
        Assert.Equal(100m, position.EntryPrice);
    }

    [Fact]
    public void Flipping_closes_the_old_side_and_opens_the_rest_at_the_fill_price()
    {
        var position = new Position("BTCUSDT");
        position.Apply(1m, 100m, 0);

        // closes 1 × (110 − 100) = 10, then 2 short at 110
        Assert.Equal(10m, position.Apply(-3m, 110m, 0));
        Assert.Equal(-2m, position.Size);
        Assert.Equal(110m, position.EntryPrice);
    }

    [Fact]
    public void Closing_fully_clears_the_entry()
    {
        var position = new Position("BTCUSDT");
        position.Apply(2m, 100m, 0);
        position.Apply(-2m, 90m, 0);

        Assert.Equal(0m, position.Size);
        Assert.Equal(0m, position.EntryPrice);
        Assert.Equal(-20m, position.RealisedPnl);
    }

    [Fact]
    public void Long_pays_and_short_receives_positive_funding()
    {
        var longPosition = new Position("BTCUSDT");
        longPosition.Apply(2m, 100m, 0);
        var shortPosition = new Position("BTCUSDT");
        shortPosition.Apply(-2m, 100m, 0);

        // −size × mark × rate: −2 × 100 × 0.0001 = −0.02 for the long, +0.02 for the short
        Assert.Equal(-0.02m, longPosition.FundingPayment(100m, 0.0001m));
        Assert.Equal(0.02m, shortPosition.FundingPayment(100m, 0.0001m));
        Assert.Equal(0.02m, longPosition.FundingPayment(100m, -0.0001m));
    }

    [Fact]
    public void Unrealised_pnl_follows_the_mark()
    {
        var position = new Position("BTCUSDT");
        position.Apply(-0.5m, 100m, 0);

        // −0.5 × (80 − 100) = +10
        Assert.Equal(10m, position.UnrealisedPnl(80m));
    }
}
