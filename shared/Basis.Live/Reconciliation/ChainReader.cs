using Basis.Live.Ledger;
using Basis.Venues.Ethereum;
using Basis.Venues.Ethereum.Aave;

namespace Basis.Live.Reconciliation;

/// <summary>
/// Reads the instance's account on the chain, every call at once: the wallet's native ETH and its balance of each token
/// the modes use (<see cref="Wallet"/>), and per AAVE v3 reserve what it has supplied (<see cref="AaveSupplied"/>, the
/// aToken balance) and borrowed (<see cref="AaveBorrowed"/>, the variable-debt token balance, negative: owed), interest
/// included to the latest block. Amounts are in token units; zero balances are left out, as the exchanges leave them out. The ledger
/// pays each of its transactions' gas from the wallet's ETH, and the reconciler lets the wallet hold more ETH than that
/// (the operator's float for gas), never less.
/// </summary>
public sealed class ChainReader(EthereumClient client, IReadOnlyList<ChainToken> walletTokens, AavePool aave, IReadOnlyList<ChainToken> aaveReserves)
    : ILocationReader
{
    public const string Wallet = "wallet";

    /// <summary>Supplied to AAVE v3, per reserve (the <c>aave_v3</c> venue of the backtest's position keys).</summary>
    public const string AaveSupplied = "aave_v3";

    /// <summary>
    /// Borrowed from AAVE v3, per reserve, as a negative amount: owed. The ledger books a borrow as a transfer from here to
    /// the wallet and a repayment back, so its balance here is the debt as the chain reads it.
    /// </summary>
    public const string AaveBorrowed = "aave_v3_debt";

    /// <summary>The ledger's name of the chain's native coin, which pays gas.</summary>
    public const string NativeEth = "ETH";

    /// <summary>The locations an account on the chain answers for.</summary>
    public static IReadOnlyList<string> AccountLocations { get; } = [Wallet, AaveSupplied, AaveBorrowed];

    public IReadOnlyList<string> Locations => AccountLocations;

    public async Task<IReadOnlyList<LocationReading>> ReadAsync(CancellationToken cancellationToken)
    {
        var native = client.Web3.Eth.GetBalance.SendRequestAsync(client.Account.Address).WaitAsync(cancellationToken);
        var wallet = Task.WhenAll(walletTokens.Select(token => BalanceAsync(Wallet, token.Symbol, token.Address, token.Decimals)));
        var reserves = Task.WhenAll(aaveReserves.Select(ReserveAsync));
        await Task.WhenAll(native, wallet, reserves).ConfigureAwait(false);
        var aaveBalances = (await reserves.ConfigureAwait(false)).SelectMany(reserve => reserve).OfType<TokenBalance>().ToList();
        var eth = (await native.ConfigureAwait(false)).Value;
        TokenBalance?[] walletBalances = [eth.IsZero ? null : new TokenBalance(Wallet, NativeEth, RayMath.Scale(eth, 18)), .. await wallet.ConfigureAwait(false)];
        return
        [
            LocationReading.Read(Wallet, [.. walletBalances.OfType<TokenBalance>()], []),
            LocationReading.Read(AaveSupplied, [.. aaveBalances.Where(b => b.Location == AaveSupplied)], []),
            LocationReading.Read(AaveBorrowed, [.. aaveBalances.Where(b => b.Location == AaveBorrowed)], []),
        ];
    }

    private async Task<TokenBalance?[]> ReserveAsync(ChainToken reserve)
    {
        var data = await aave.GetReserveDataAsync(reserve.Address).ConfigureAwait(false);
        if (string.Equals(data.ATokenAddress, Erc20Token.ZeroAddress, StringComparison.OrdinalIgnoreCase))
        {
            // The pool does not list this token (a chain whose market lacks it): nothing can be supplied or borrowed.
            return [];
        }

        return await Task.WhenAll(
            BalanceAsync(AaveSupplied, reserve.Symbol, data.ATokenAddress, reserve.Decimals),
            BalanceAsync(AaveBorrowed, reserve.Symbol, data.VariableDebtTokenAddress, reserve.Decimals, owed: true)).ConfigureAwait(false);
    }

    private async Task<TokenBalance?> BalanceAsync(string location, string symbol, string token, int decimals, bool owed = false)
    {
        var units = await new Erc20Token(client, token).BalanceOfAsync().ConfigureAwait(false);
        return units.IsZero ? null : new TokenBalance(location, symbol, owed ? -RayMath.Scale(units, decimals) : RayMath.Scale(units, decimals));
    }
}
