using Basis.Live.Ledger;
using Basis.Venues.Exchanges;
using static Basis.Live.Tests.Ledger.LedgerSamples;

namespace Basis.Live.Tests.Ledger;

public sealed class LedgerPositionsTests
{
    [Fact]
    public void Buy_two_sell_half_and_pay_funding()
    {
        var positions = LedgerPositions.Rebuild(WorkedFills, [Funding(-1.2m, hours: 8)], [Deposit(10_000m)]);

        // Size 2 − 0.5 = 1.5 long; a reduction keeps the entry at 3000; realised 0.5 × (3100 − 3000) = 50.
        Assert.Equal([new PerpHolding("binance", "ETHUSDT", 1.5m, 3000m, 50m, -1.2m)], positions.Perps);
        // USDT: 10000 deposited + 50 realised − 3 − 0.775 fees − 1.2 funding = 10045.025.
        Assert.Equal([new TokenBalance("binance", "USDT", 10_045.025m)], positions.Balances);
    }

    [Fact]
    public void Adding_to_a_position_averages_the_entry()
    {
        var positions = LedgerPositions.Rebuild(
            [PerpFill("a", OrderSide.Sell, 1m, 3000m, 0m, 0), PerpFill("b", OrderSide.Sell, 3m, 3200m, 0m, 1)], [], []);

        // Short 4 at (1 × 3000 + 3 × 3200) / 4 = 3150.
        Assert.Equal(new PerpHolding("binance", "ETHUSDT", -4m, 3150m, 0m, 0m), Assert.Single(positions.Perps));
    }

    [Fact]
    public void Crossing_zero_realises_the_old_side_and_opens_the_rest_at_the_fill_price()
    {
        var positions = LedgerPositions.Rebuild([.. WorkedFills, PerpFill("f3", OrderSide.Sell, 2m, 3200m, 0m, 120)], [], []);

        // Long 1.5 @ 3000 closed at 3200: 1.5 × 200 = 300 more realised (350 in all); short 0.5 opens at 3200.
        Assert.Equal(new PerpHolding("binance", "ETHUSDT", -0.5m, 3200m, 350m, 0m), Assert.Single(positions.Perps));
    }

    [Fact]
    public void Closing_flat_leaves_no_entry_price()
    {
        var positions = LedgerPositions.Rebuild([.. WorkedFills, PerpFill("f3", OrderSide.Sell, 1.5m, 2900m, 0m, 120)], [], []);

        // 50 + 1.5 × (2900 − 3000) = −100.
        Assert.Equal(new PerpHolding("binance", "ETHUSDT", 0m, 0m, -100m, 0m), Assert.Single(positions.Perps));
    }

    [Fact]
    public void Spot_fills_and_transfers_move_token_balances()
    {
        var buyEth = new LedgerFill(InstanceId, "binance", "s1", "bss1", "ETHUSDT", MarketType.Spot, "ETH", "USDT", OrderSide.Buy, 1.5m, 3000m, 0.0015m, "ETH", Start);
        var toWallet = new LedgerTransfer(InstanceId, "w-1", "ETH", 1.4985m, 0.0005m, From: "binance", To: "wallet", Start.AddHours(1));

        var positions = LedgerPositions.Rebuild([buyEth], [], [Deposit(5_000m), toWallet]);

        // Binance: USDT 5000 − 1.5 × 3000 = 500; ETH 1.5 − 0.0015 fee − 1.4985 sent = 0. Wallet: 1.4985 − 0.0005 = 1.498.
        Assert.Empty(positions.Perps);
        Assert.Equal(
            [new TokenBalance("binance", "ETH", 0m), new TokenBalance("binance", "USDT", 500m), new TokenBalance("wallet", "ETH", 1.498m)],
            positions.Balances);
    }

    [Fact]
    public void Wrapping_exchanges_the_wallets_eth_for_weth_and_gas_is_paid_from_its_eth()
    {
        // 2 ETH in; 1.5 wrapped (a fill at the wallet at 1, no fee) and supplied to AAVE as WETH. Two transactions:
        // 45,000 gas at 20 gwei = 0.0009 ETH, and 150,000 gas at 20 gwei = 0.003 ETH.
        var funding = new LedgerTransfer(InstanceId, "opening", "ETH", 2m, 0m, null, "wallet", Start);
        var wrap = new LedgerFill(InstanceId, "wallet", "0xwrap", "wrap", "WETH", MarketType.Spot, "WETH", "ETH", OrderSide.Buy, 1.5m, 1m, 0m, "ETH", Start);
        var supply = new LedgerTransfer(InstanceId, "0xsupply", "WETH", 1.5m, 0m, "wallet", "aave_v3", Start);
        LedgerTransaction[] gas =
        [
            new("0xwrap", InstanceId, "wrap_eth", TransactionStatus.Confirmed, 45_000, 20_000_000_000m, 1, Start, Start),
            new("0xsupply", InstanceId, "aave_supply", TransactionStatus.Confirmed, 150_000, 20_000_000_000m, 2, Start, Start),
        ];

        var positions = LedgerPositions.Rebuild([wrap], [], [funding, supply], gas);

        // Wallet ETH: 2 − 1.5 − 0.0009 − 0.003 = 0.4961; wallet WETH: 1.5 − 1.5 = 0; AAVE: 1.5 WETH.
        Assert.Equal(
            [new TokenBalance("aave_v3", "WETH", 1.5m), new TokenBalance("wallet", "ETH", 0.4961m), new TokenBalance("wallet", "WETH", 0m)],
            positions.Balances);
    }
}
