using System.Globalization;
using Basis.Live.Ledger;

namespace Basis.Live.Execution;

/// <summary>
/// What a step may spend of what the ledger says a location holds. The hour's steps carry the book's amounts, while
/// what a swap or a venue really took (a pool's price, a venue's fees) differs from the book's cost model: a step the
/// location falls short of takes what is there when the shortfall is within a tolerance of the instance's capital (for a
/// token in its share class's unit), and is refused unsent beyond it.
/// </summary>
internal static class LedgerFunds
{
    /// <summary>
    /// The amount of <paramref name="asset"/> a step needing <paramref name="needed"/> at <paramref name="location"/> may
    /// spend: all of it when held, what is held when short by no more than <paramref name="tolerance"/> of the capital, or
    /// null and why. What is held is the ledger's balance there, or what the venue says is free to move
    /// (<paramref name="free"/>, an exchange's available balance: margin for a position left open is not) when that is less.
    /// </summary>
    public static async Task<(decimal? Spendable, string? Shortfall)> SpendableAsync(
        PostgresLiveLedger ledger, string instanceId, string location, string asset, decimal needed, decimal tolerance, CancellationToken cancellationToken, decimal? free = null)
    {
        var booked = await HeldAsync(ledger, instanceId, location, asset, cancellationToken).ConfigureAwait(false);
        var held = free is { } venueFree ? Math.Min(booked, venueFree) : booked;
        if (held >= needed)
        {
            return (needed, null);
        }

        var instance = await ledger.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var unit = string.Equals(instance?.ShareClass, "eth", StringComparison.OrdinalIgnoreCase) ? "ETH" : "USDT";
        var allowed = asset == unit ? (instance?.Capital ?? 0m) * tolerance : 0m;
        return needed - held <= allowed
            ? (held, null)
            : (null, string.Create(CultureInfo.InvariantCulture,
                $"{(held < booked ? $"{location} has {held} {asset} free to move (the ledger's holds {booked})" : $"the ledger's {location} holds {held} {asset}")}, {needed - held} short of it, more than the {allowed} {asset} a step may be short ({tolerance:P2} of the instance's capital in its share class's unit)"));
    }

    /// <summary>What the ledger says <paramref name="location"/> holds of <paramref name="asset"/>.</summary>
    public static async Task<decimal> HeldAsync(PostgresLiveLedger ledger, string instanceId, string location, string asset, CancellationToken cancellationToken)
    {
        var positions = await ledger.RebuildPositionsAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return positions.Balances.FirstOrDefault(b => b.Location == location && b.Asset == asset)?.Amount ?? 0m;
    }
}
