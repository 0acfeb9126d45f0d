using Basis.Core.Accounting;
using Basis.Core.Events;
using Basis.Core.Instruments;
using Basis.Core.Settings;

namespace Basis.Core.Simulation.Fills;

/// <summary>Swaps of wallet tokens on a DEX at the hour's prices, paying the pool fee, slippage by size and gas.</summary>
internal sealed class DexFills(DeskLedger desk)
{
    /// <summary>
    /// Swaps between wallet USDT and ETH on a DEX at the hour's ETH price, paying the pool fee and slippage
    /// (<paramref name="ethDelta"/> &gt; 0 buys ETH, &lt; 0 sells it).
    /// </summary>
    public void SwapEth(double ethDelta, string reason)
    {
        if (ethDelta == 0)
        {
            return;
        }

        const string Pair = "ETH_USDT";
        var price = desk.Valuation.UsdPrice(Asset.Eth)[desk.Hour];
        var notional = Math.Abs(ethDelta) * price;
        var fee = TradingCosts.OfBps(notional, desk.Venues.DexPoolFeeBps(Pair));
        var slippage = TradingCosts.OfBps(notional, desk.Venues.Slippage.Bps(Pair, notional));
        var gas = desk.StepGas(GasOperation.TokenSwap);
        desk.Change(desk.WalletEth, ethDelta);
        desk.Change(desk.WalletUsdt, -(ethDelta * price) - fee - slippage);
        desk.BookTradingCosts(fee, slippage);
        desk.Trades++;
        var (from, to, amountIn, amountOut) = ethDelta > 0
            ? (desk.WalletUsdt, desk.WalletEth, notional + fee + slippage, ethDelta)
            : (desk.WalletEth, desk.WalletUsdt, -ethDelta, notional - fee - slippage);
        desk.Record(new SwapEvent(desk.Time, from.Key.ToString(), to.Key.ToString(), amountIn, amountOut, fee, slippage, gas, reason));
    }

    /// <summary>Sells <paramref name="amount"/> of a wallet token for ETH on a DEX, paying the pool fee, slippage and gas.</summary>
    public void SellForEth(Asset token, double amount, string reason)
    {
        DeskLedger.RequirePositive(amount, nameof(amount));
        var hour = desk.Hour;
        var valuation = desk.Valuation;
        var pair = $"{token.Symbol()}_ETH";
        var priceEth = valuation.UsdPrice(token)[hour] / valuation.UsdPrice(Asset.Eth)[hour];
        var grossEth = amount * priceEth;
        var feeEth = TradingCosts.OfBps(grossEth, desk.Venues.DexPoolFeeBps(pair));
        var slippageEth = TradingCosts.OfBps(grossEth, desk.Venues.Slippage.Bps(pair, grossEth * valuation.UsdPrice(Asset.Eth)[hour]));
        var gas = desk.PayGas(GasOperation.TokenSwap);
        var wallet = InstrumentRegistry.Balance(Venue.Wallet, token);
        desk.Change(wallet, -amount);
        desk.Change(desk.WalletEth, grossEth - feeEth - slippageEth);
        var ethSc = valuation.ScPrice(Asset.Eth)[hour];
        desk.Book(AttributionSource.TradingFees, -feeEth * ethSc);
        desk.Book(AttributionSource.Slippage, -slippageEth * ethSc);
        desk.Trades++;
        var ethUsd = valuation.UsdPrice(Asset.Eth)[hour];
        desk.Record(new SwapEvent(desk.Time, wallet.Key.ToString(), desk.WalletEth.Key.ToString(), amount, grossEth - feeEth - slippageEth, feeEth * ethUsd, slippageEth * ethUsd, gas, reason));
    }
}
