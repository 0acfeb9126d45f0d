using Basis.Core.Instruments;
using Basis.Core.Simulation;
using Basis.Core.Trading;

namespace Basis.Core.Strategies;

/// <summary>
/// Moves USDT between the wallet and exchange accounts so that every account ends at its target: each deficit is
/// covered from surpluses, the wallet first (an on-chain send costs gas; an exchange withdrawal costs its flat fee).
/// No account sends more than it can withdraw (an exchange's free USDT, fee included: unrealised profit is not
/// withdrawable). Amounts below the minimum are left alone rather than paid for.
/// </summary>
internal static class UsdtTransfers
{
    /// <summary>
    /// The most the exchange accounts can pay in withdrawal fees while settling (one withdrawal each): subtracted from
    /// the USDT a rebalance shares out, so margins absorb the fees and the wallet still gets all it needs.
    /// </summary>
    public static double FeeAllowance(StrategyContext context, IEnumerable<Instrument> exchangeAccounts) =>
        exchangeAccounts.Sum(a => context.Venues.Exchange(a.Key.Venue).UsdtWithdrawalFee);

    /// <summary>
    /// Settles <paramref name="accounts"/>, each given with its surplus over its target (negative: a deficit); an
    /// account sends at most its USDT balance.
    /// </summary>
    public static void Settle(StrategyContext context, IReadOnlyList<(Instrument Usdt, double Surplus)> accounts, double minimumTransfer, string reason)
    {
        var deficits = accounts.Where(a => a.Surplus < -minimumTransfer).OrderBy(a => a.Surplus).ToList();
        var sources = accounts.Where(a => a.Surplus > minimumTransfer)
            .OrderBy(a => a.Usdt.Key.Venue == Venue.Wallet ? 0 : 1)
            .ThenByDescending(a => a.Surplus)
            .Select(a => new Source(a.Usdt, Math.Min(a.Surplus, context.Quantity(a.Usdt))))
            .ToList();

        foreach (var (account, surplus) in deficits)
        {
            var need = -surplus;
            foreach (var source in sources)
            {
                if (need < minimumTransfer)
                {
                    break;
                }

                var fee = source.Account.Key.Venue == Venue.Wallet ? 0 : context.Venues.Exchange(source.Account.Key.Venue).UsdtWithdrawalFee;
                var amount = Math.Min(need, source.Available - fee);
                if (amount < minimumTransfer)
                {
                    continue;
                }

                context.Submit(new TokenTransfer(source.Account, account, amount, reason));
                source.Available -= amount + fee;
                need -= amount;
            }
        }
    }

    private sealed class Source(Instrument account, double available)
    {
        public Instrument Account { get; } = account;

        public double Available { get; set; } = available;
    }
}
