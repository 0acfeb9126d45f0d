using Basis.Core.Accounting;
using Basis.Core.Events;
using Basis.Core.Instruments;
using Basis.Core.Settings;

namespace Basis.Core.Simulation.Fills;

/// <summary>
/// Staking into an LST at the protocol (oracle) rate and selling one on a DEX at the market rate: the two exits of
/// DESIGN §4 differ by the peg discount, which is booked as a price move.
/// </summary>
internal sealed class LstFills(DeskLedger desk)
{
    /// <summary>Stakes <paramref name="eth"/> from the wallet into <paramref name="lst"/> at the protocol (oracle) rate.</summary>
    public void Stake(LstToken lst, double eth, string reason)
    {
        DeskLedger.RequirePositive(eth, nameof(eth));
        var token = InstrumentRegistry.Lst(lst);
        var rate = desk.Valuation.LstRate(lst)[desk.Hour];
        var gas = desk.StepGas(GasOperation.StakeDeposit);
        var units = LstAccounting.MintUnits(eth, rate);
        desk.Change(desk.WalletEth, -eth);
        desk.Change(token, units);

        // Minting pays the protocol rate; while a depeg is stressed the units are worth less than the ETH paid.
        desk.Book(AttributionSource.Price, ((units * desk.Valuation.UnderlyingPerUnit(token, desk.Hour)) - eth) * desk.Valuation.ScPrice(Asset.Eth)[desk.Hour]);
        desk.Record(new StakeEvent(desk.Time, token.Key.ToString(), eth, units, rate, gas, reason));
    }

    /// <summary>
    /// Sells <paramref name="units"/> of an LST from the wallet for ETH on a DEX at the market rate (the oracle rate
    /// with the data's peg premium and any stressed depeg), paying the pool fee and slippage: the exit that pays the
    /// peg discount.
    /// </summary>
    public void Sell(LstToken lst, double units, string reason)
    {
        DeskLedger.RequirePositive(units, nameof(units));
        var hour = desk.Hour;
        var valuation = desk.Valuation;
        var token = InstrumentRegistry.Lst(lst);
        desk.RequireHeld(token, units, () => $"sell {units} {lst.Symbol()}: only {desk.Portfolio.Quantity(token)} held");
        var pair = desk.Venues.LstOf(lst).DexPair;
        var marketRate = valuation.LstMarketRate(lst)[hour];
        var grossEth = units * marketRate;
        var feeBps = desk.Venues.DexPoolFeeBps(pair);
        var slippageBps = desk.Venues.Slippage.Bps(pair, grossEth * valuation.UsdPrice(Asset.Eth)[hour]);
        var feeEth = TradingCosts.OfBps(grossEth, feeBps);
        var slippageEth = TradingCosts.OfBps(grossEth, slippageBps);
        var gas = desk.StepGas(GasOperation.TokenSwap);

        // Value given up beyond fees: the LST is held at its oracle value, sold at the market rate.
        var heldEth = units * valuation.UnderlyingPerUnit(token, hour);
        var ethSc = valuation.ScPrice(Asset.Eth)[hour];
        var received = LstAccounting.DexSaleProceeds(units, marketRate, feeBps, slippageBps);
        desk.Change(token, -units);
        desk.Change(desk.WalletEth, received);
        desk.Book(AttributionSource.TradingFees, -feeEth * ethSc);
        desk.Book(AttributionSource.Slippage, -slippageEth * ethSc);
        desk.Book(AttributionSource.Price, (grossEth - heldEth) * ethSc);
        desk.Trades++;
        var ethUsd = valuation.UsdPrice(Asset.Eth)[hour];
        desk.Record(new SwapEvent(desk.Time, token.Key.ToString(), desk.WalletEth.Key.ToString(), units, received, feeEth * ethUsd, slippageEth * ethUsd, gas, reason));
    }
}
