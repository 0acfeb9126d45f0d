using Basis.Live.Reconciliation;
using Basis.Venues.Exchanges;

namespace Basis.Live.Ledger;

/// <summary>An instance's positions as its ledger says they are: what reconciliation compares with the venues.</summary>
public sealed record LedgerPositions(IReadOnlyList<PerpHolding> Perps, IReadOnlyList<TokenBalance> Balances)
{
    /// <summary>
    /// Replays the facts. Perp fills move the signed size at an average entry price: adding to a position averages
    /// the price in, reducing it realises (exit − entry) × closed size × direction and keeps the entry, and crossing
    /// zero opens the rest at the fill price. Realised P&amp;L, funding and fees settle into the venue's balance of
    /// their asset; spot fills exchange base for quote there; transfers move tokens between locations, less their fee;
    /// the gas of the account's <paramref name="transactions"/> (gas used × effective price, in wei) is paid from the
    /// wallet's ETH; AAVE's <paramref name="interest"/> adds to what was supplied (and to what is owed). Fills must come in
    /// the order they happened (only the order of one instrument's fills matters).
    /// </summary>
    public static LedgerPositions Rebuild(
        IEnumerable<LedgerFill> fills, IEnumerable<LedgerFunding> funding, IEnumerable<LedgerTransfer> transfers, IEnumerable<LedgerTransaction>? transactions = null, IEnumerable<LedgerInterest>? interest = null)
    {
        ArgumentNullException.ThrowIfNull(fills);
        ArgumentNullException.ThrowIfNull(funding);
        ArgumentNullException.ThrowIfNull(transfers);
        var perps = new Dictionary<(string Venue, string Symbol), PerpHolding>();
        var balances = new Dictionary<(string Location, string Asset), decimal>();
        void Add(string location, string asset, decimal amount) =>
            balances[(location, asset)] = balances.GetValueOrDefault((location, asset)) + amount;

        foreach (var fill in fills)
        {
            var signed = fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity;
            if (fill.Market == MarketType.Perp)
            {
                var key = (fill.Venue, fill.Symbol);
                var before = perps.GetValueOrDefault(key) ?? new PerpHolding(fill.Venue, fill.Symbol, 0, 0, 0, 0);
                var after = Trade(before, signed, fill.Price);
                perps[key] = after;
                Add(fill.Venue, fill.QuoteAsset, after.RealisedPnl - before.RealisedPnl);
            }
            else
            {
                Add(fill.Venue, fill.BaseAsset, signed);
                Add(fill.Venue, fill.QuoteAsset, -signed * fill.Price);
            }

            Add(fill.Venue, fill.FeeAsset, -fill.Fee);
        }

        foreach (var payment in funding)
        {
            var key = (payment.Venue, payment.Symbol);
            var holding = perps.GetValueOrDefault(key) ?? new PerpHolding(payment.Venue, payment.Symbol, 0, 0, 0, 0);
            perps[key] = holding with { Funding = holding.Funding + payment.Amount };
            Add(payment.Venue, payment.Asset, payment.Amount);
        }

        foreach (var transfer in transfers)
        {
            if (transfer.From is { } from)
            {
                Add(from, transfer.Asset, -transfer.Amount);
            }

            if (transfer.To is { } to)
            {
                Add(to, transfer.Asset, transfer.Amount - transfer.Fee);
            }
        }

        foreach (var transaction in transactions ?? [])
        {
            if (transaction is { GasUsed: { } gas, GasPriceWei: { } price })
            {
                Add(ChainReader.Wallet, ChainReader.NativeEth, -(gas * price / WeiPerEth));
            }
        }

        foreach (var booked in interest ?? [])
        {
            Add(booked.Location, booked.Asset, booked.Amount);
        }

        return new LedgerPositions(
            [.. perps.Values.OrderBy(p => p.Venue, StringComparer.Ordinal).ThenBy(p => p.Symbol, StringComparer.Ordinal)],
            [.. balances.Select(b => new TokenBalance(b.Key.Location, b.Key.Asset, b.Value))
                .OrderBy(b => b.Location, StringComparer.Ordinal).ThenBy(b => b.Asset, StringComparer.Ordinal)]);
    }

    private const decimal WeiPerEth = 1_000_000_000_000_000_000m;

    private static PerpHolding Trade(PerpHolding holding, decimal signed, decimal price)
    {
        var size = holding.Size;
        if (size == 0 || Math.Sign(size) == Math.Sign(signed))
        {
            var entry = ((Math.Abs(size) * holding.AverageEntryPrice) + (Math.Abs(signed) * price)) / (Math.Abs(size) + Math.Abs(signed));
            return holding with { Size = size + signed, AverageEntryPrice = entry };
        }

        var closed = Math.Min(Math.Abs(size), Math.Abs(signed));
        var realised = holding.RealisedPnl + (closed * (price - holding.AverageEntryPrice) * Math.Sign(size));
        var remaining = size + signed;
        var newEntry = remaining == 0 ? 0 : Math.Sign(remaining) == Math.Sign(size) ? holding.AverageEntryPrice : price;
        return holding with { Size = remaining, AverageEntryPrice = newEntry, RealisedPnl = realised };
    }
}
