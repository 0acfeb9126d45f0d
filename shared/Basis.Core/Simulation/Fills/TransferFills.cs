using Basis.Core.Events;
using Basis.Core.Instruments;
using Basis.Core.Settings;

namespace Basis.Core.Simulation.Fills;

/// <summary>Moves of a token between own balances on different venues, paying what the sending side charges.</summary>
internal sealed class TransferFills(DeskLedger desk)
{
    /// <summary>
    /// Moves <paramref name="amount"/> of a token between own balances. From the wallet it is an on-chain send
    /// (gas); from an exchange it is a withdrawal that pays the exchange's flat fee on top of the amount, out of the
    /// exchange's free balance.
    /// </summary>
    public void Transfer(Instrument from, Instrument to, double amount, string reason)
    {
        DeskLedger.RequireType(from, PositionType.BaseToken);
        DeskLedger.RequireType(to, PositionType.BaseToken);
        DeskLedger.RequirePositive(amount, nameof(amount));
        if (from.PricedIn != to.PricedIn || from.Key.Venue == to.Key.Venue)
        {
            throw new ArgumentException($"A transfer moves one token between two venues; got {from} → {to}.", nameof(to));
        }

        double gas = 0, fee = 0;
        if (from.Key.Venue == Venue.Wallet)
        {
            gas = desk.PayGas(GasOperation.VenueTransfer);
        }
        else
        {
            if (from.PricedIn != Asset.Usdt)
            {
                throw new NotSupportedException($"Withdrawals of {from.PricedIn.Symbol()} from exchanges are not modelled yet; only USDT.");
            }

            // An exchange pays out only its free USDT: unrealised perp profit must be realised first.
            fee = desk.Venues.Exchange(from.Key.Venue).UsdtWithdrawalFee;
            desk.RequireHeld(from, amount + fee, () => $"withdraw {amount} USDT (and the {fee} USDT fee) from {from.Key.Venue.Name()}: only {desk.Portfolio.Quantity(from)} USDT is free there");
            desk.Change(from, -fee);
            desk.Book(AttributionSource.TradingFees, -fee * desk.Valuation.ScPrice(Asset.Usdt)[desk.Hour]);
        }

        desk.Change(from, -amount);
        desk.Change(to, amount);
        desk.Record(new TransferEvent(desk.Time, from.Key.ToString(), to.Key.ToString(), amount, fee, gas, reason));
    }
}
