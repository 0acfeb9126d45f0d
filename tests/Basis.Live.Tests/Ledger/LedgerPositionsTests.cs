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
    public void A_loops_lever_and_unwind_book_the_debt_as_a_negative_balance_and_leave_the_wallet_its_surplus()
    {
        // The chain desk's booking of a lever: 1 WETH of equity and a 9 WETH flash loan staked for 9.5 weETH (premium 0.0045
        // WETH, the fill's fee), the loan plus premium borrowed (9.0045), the weETH supplied.
        var lever = new LedgerFill(InstanceId, "wallet", "0xa", "lever", "weETH", MarketType.Spot, "weETH", "WETH", OrderSide.Buy, 9.5m, 10m / 9.5m, 0.0045m, "WETH", Start);
        var borrow = new LedgerTransfer(InstanceId, "0xa/borrow", "WETH", 9.0045m, 0m, "aave_v3_debt", "wallet", Start);
        var supply = new LedgerTransfer(InstanceId, "0xa/supply", "weETH", 9.5m, 0m, "wallet", "aave_v3", Start);
        // Its unwind: the 9.5 weETH withdrawn and sold for 9.98 WETH (premium 0.0046), 9.2 WETH of debt repaid (the
        // 9.0045 borrowed and 0.1955 of interest), the rest left in the wallet: 9.98 − 0.0046 − 9.2 = 0.7754.
        var withdraw = new LedgerTransfer(InstanceId, "0xb/withdraw", "weETH", 9.5m, 0m, "aave_v3", "wallet", Start.AddHours(2));
        var sale = new LedgerFill(InstanceId, "wallet", "0xb", "unwind", "weETH", MarketType.Spot, "weETH", "WETH", OrderSide.Sell, 9.5m, 9.98m / 9.5m, 0.0046m, "WETH", Start.AddHours(2));
        var repay = new LedgerTransfer(InstanceId, "0xb/repay", "WETH", 9.2m, 0m, "wallet", "aave_v3_debt", Start.AddHours(2));
        var funding = new LedgerTransfer(InstanceId, "funding", "WETH", 1m, 0m, null, "wallet", Start);

        var levered = LedgerPositions.Rebuild([lever], [], [funding, borrow, supply]);

        // Wallet WETH: 1 − 10 − 0.0045 + 9.0045 = 0; 9.5 weETH supplied; 9.0045 WETH owed (negative, as the chain reader reads it).
        Assert.Equal(
            [new TokenBalance("aave_v3", "weETH", 9.5m), new TokenBalance("aave_v3_debt", "WETH", -9.0045m), new TokenBalance("wallet", "WETH", 0m), new TokenBalance("wallet", "weETH", 0m)],
            levered.Balances.Select(b => b with { Amount = Math.Round(b.Amount, 20) }));

        var unwound = LedgerPositions.Rebuild([lever, sale], [], [funding, borrow, supply, withdraw, repay]);

        // Repaying the debt with its interest, which these facts leave out (the desk books it as it accrues), leaves +0.1955.
        Assert.Equal(
            [new TokenBalance("aave_v3", "weETH", 0m), new TokenBalance("aave_v3_debt", "WETH", 0.1955m), new TokenBalance("wallet", "WETH", 0.7754m), new TokenBalance("wallet", "weETH", 0m)],
            unwound.Balances.Select(b => b with { Amount = Math.Round(b.Amount, 20) }));
    }

    [Fact]
    public void Aave_interest_booked_adds_to_what_was_supplied_and_to_what_is_owed()
    {
        // 10,000 USDT supplied at a supply index of 1.02, booked again at 1.0251: 10,000 × (1.0251 / 1.02 − 1) = 50.
        // 9 WETH owed at a debt index of 1.0, booked at 1.002: −9 × 0.002 = −0.018 more owed.
        var supply = new LedgerTransfer(InstanceId, "supply", "USDT", 10_000m, 0m, "wallet", "aave_v3", Start);
        var borrow = new LedgerTransfer(InstanceId, "borrow", "WETH", 9m, 0m, "aave_v3_debt", "wallet", Start);
        LedgerInterest[] interest =
        [
            new(InstanceId, "aave_v3", "USDT", 0m, 1.02m, 10_000m, Start),
            new(InstanceId, "aave_v3_debt", "WETH", 0m, 1m, -9m, Start),
            new(InstanceId, "aave_v3", "USDT", 50m, 1.0251m, 10_050m, Start.AddDays(30)),
            new(InstanceId, "aave_v3_debt", "WETH", -0.018m, 1.002m, -9.018m, Start.AddDays(30)),
        ];

        var positions = LedgerPositions.Rebuild([], [], [Deposit(10_000m) with { To = "wallet" }, supply, borrow], interest: interest);

        Assert.Equal(
            [new TokenBalance("aave_v3", "USDT", 10_050m), new TokenBalance("aave_v3_debt", "WETH", -9.018m), new TokenBalance("wallet", "USDT", 0m), new TokenBalance("wallet", "WETH", 9m)],
            positions.Balances);
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
