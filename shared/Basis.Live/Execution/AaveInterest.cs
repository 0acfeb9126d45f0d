using Basis.Live.Ledger;
using Basis.Live.Reconciliation;
using Basis.Venues.Ethereum.Aave;

namespace Basis.Live.Execution;

/// <summary>
/// Books AAVE's interest on an instance's supplied and borrowed holdings (<see cref="LedgerInterest"/>): on each holding
/// the ledger has, or had at its previous booking, the interest on the balance that booking left, from its reserve index
/// to the reserve's index now (the supply index at <see cref="ChainReader.AaveSupplied"/>, the variable-debt index at
/// <see cref="ChainReader.AaveBorrowed"/>, where the balance is negative and grows more so). A holding booked for the
/// first time is only marked at today's index. The chain desk books before it sends and after each step that changes a
/// holding, so a balance accrues over the time it was held, as its aTokens or debt tokens do; the chain's balances are
/// never copied, so what moved behind the ledger's back still shows at reconciliation.
/// </summary>
internal static class AaveInterest
{
    /// <summary>Books the interest accrued since each holding's previous booking, at <paramref name="now"/>.</summary>
    public static async Task BookAsync(PostgresLiveLedger ledger, string instanceId, AavePool aave, IReadOnlyList<ChainToken> tokens, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var positions = await ledger.RebuildPositionsAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var previous = (await ledger.LatestInterestAsync(instanceId, cancellationToken).ConfigureAwait(false)).ToDictionary(i => (i.Location, i.Asset));
        var balances = positions.Balances
            .Where(b => b.Location is ChainReader.AaveSupplied or ChainReader.AaveBorrowed)
            .ToDictionary(b => (b.Location, b.Asset), b => b.Amount);
        var holdings = balances.Where(b => b.Value != 0m).Select(b => b.Key)
            .Concat(previous.Values.Where(p => p.BalanceAfter != 0m).Select(p => (p.Location, p.Asset)))
            .Distinct();
        foreach (var (location, asset) in holdings)
        {
            if (tokens.FirstOrDefault(t => t.Symbol == asset) is not { } token)
            {
                // A reserve this host does not know: its index cannot be read, and reconciliation reports the holding.
                continue;
            }

            var index = RayMath.FromRay(location == ChainReader.AaveSupplied
                ? await aave.GetReserveNormalizedIncomeAsync(token.Address).ConfigureAwait(false)
                : await aave.GetReserveNormalizedVariableDebtAsync(token.Address).ConfigureAwait(false));
            var balance = balances.GetValueOrDefault((location, asset));
            var last = previous.GetValueOrDefault((location, asset));
            var accrued = last is null ? 0m : Math.Round(last.BalanceAfter * ((index / last.ReserveIndex) - 1), token.Decimals, MidpointRounding.ToZero);
            if (last is not null && accrued == 0m && last.BalanceAfter == balance)
            {
                // Nothing to book (the same block, or dust whose interest rounds to nothing): it accrues from the last index on.
                continue;
            }

            await ledger.AppendInterestAsync(new LedgerInterest(instanceId, location, asset, accrued, index, balance + accrued, now), cancellationToken).ConfigureAwait(false);
        }
    }
}
