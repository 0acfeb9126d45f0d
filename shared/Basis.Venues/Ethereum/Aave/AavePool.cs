using System.Numerics;
using Nethereum.RPC.Eth.DTOs;

namespace Basis.Venues.Ethereum.Aave;

/// <summary>
/// The AAVE v3 Pool for the client's account. Amounts are in the asset's smallest unit (wei for 18-decimal
/// tokens); <see cref="MaxAmount"/> withdraws or repays everything. Only variable-rate borrowing (stable rate is
/// off on AAVE v3 Ethereum).
/// </summary>
public sealed class AavePool(EthereumClient client, string poolAddress)
{
    /// <summary>type(uint256).max: AAVE's "all of it" for withdraw and repay.</summary>
    public static readonly BigInteger MaxAmount = BigInteger.Pow(2, 256) - 1;

    private static readonly BigInteger VariableRate = 2;
    private static readonly BigInteger BasisPoints = 10_000;
    private int? _baseCurrencyDecimals;

    /// <summary>The Pool proxy.</summary>
    public string Address { get; } = poolAddress;

    /// <summary>Supplies <paramref name="amount"/> of <paramref name="asset"/>, approving the pool once first if needed.</summary>
    public async Task<TransactionReceipt> SupplyAsync(string asset, BigInteger amount, CancellationToken cancellationToken = default)
    {
        await new Erc20Token(client, asset).ApproveOnceAsync(Address, amount, cancellationToken).ConfigureAwait(false);
        return await client.SendAsync(Address, new SupplyFunction { Asset = asset, Amount = amount, OnBehalfOf = client.Account.Address }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Withdraws <paramref name="amount"/> of <paramref name="asset"/> (or <see cref="MaxAmount"/>: all) to the account.</summary>
    public Task<TransactionReceipt> WithdrawAsync(string asset, BigInteger amount, CancellationToken cancellationToken = default) =>
        client.SendAsync(Address, new WithdrawFunction { Asset = asset, Amount = amount, To = client.Account.Address }, cancellationToken);

    /// <summary>
    /// Approves the pool for <paramref name="amount"/> of <paramref name="asset"/> when it is not yet, then signs the supply
    /// at the account's next nonce without sending it (<see cref="EthereumClient.SignAsync{TFunction}"/>).
    /// </summary>
    public async Task<SignedTransaction> SignSupplyAsync(string asset, BigInteger amount, CancellationToken cancellationToken = default)
    {
        await new Erc20Token(client, asset).ApproveOnceAsync(Address, amount, cancellationToken).ConfigureAwait(false);
        var nonce = await client.PendingNonceAsync(cancellationToken).ConfigureAwait(false);
        return await client.SignAsync(Address, new SupplyFunction { Asset = asset, Amount = amount, OnBehalfOf = client.Account.Address }, nonce, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Signs the withdrawal of <paramref name="amount"/> of <paramref name="asset"/> at the account's next nonce without sending it.</summary>
    public async Task<SignedTransaction> SignWithdrawAsync(string asset, BigInteger amount, CancellationToken cancellationToken = default)
    {
        var nonce = await client.PendingNonceAsync(cancellationToken).ConfigureAwait(false);
        return await client.SignAsync(Address, new WithdrawFunction { Asset = asset, Amount = amount, To = client.Account.Address }, nonce, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Borrows <paramref name="amount"/> of <paramref name="asset"/> at the variable rate.</summary>
    public Task<TransactionReceipt> BorrowAsync(string asset, BigInteger amount, CancellationToken cancellationToken = default) =>
        client.SendAsync(Address, new BorrowFunction { Asset = asset, Amount = amount, InterestRateMode = VariableRate, OnBehalfOf = client.Account.Address }, cancellationToken);

    /// <summary>Repays <paramref name="amount"/> (or <see cref="MaxAmount"/>: all) of variable debt, approving once first if needed.</summary>
    public async Task<TransactionReceipt> RepayAsync(string asset, BigInteger amount, CancellationToken cancellationToken = default)
    {
        await new Erc20Token(client, asset).ApproveOnceAsync(Address, amount, cancellationToken).ConfigureAwait(false);
        return await client.SendAsync(Address, new RepayFunction { Asset = asset, Amount = amount, InterestRateMode = VariableRate, OnBehalfOf = client.Account.Address }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Enters eMode <paramref name="categoryId"/> (0 leaves eMode).</summary>
    public Task<TransactionReceipt> SetUserEModeAsync(byte categoryId, CancellationToken cancellationToken = default) =>
        client.SendAsync(Address, new SetUserEModeFunction { CategoryId = categoryId }, cancellationToken);

    /// <summary>The eMode category of <paramref name="user"/> (the account when null).</summary>
    public async Task<int> GetUserEModeAsync(string? user = null) =>
        (int)await client.QueryAsync<GetUserEModeFunction, BigInteger>(Address, new GetUserEModeFunction { User = user ?? client.Account.Address }).ConfigureAwait(false);

    /// <summary>Collateral, debt, thresholds and HF of <paramref name="user"/> (the account when null); see <see cref="AaveAccountData"/> for units.</summary>
    public async Task<AaveAccountData> GetUserAccountDataAsync(string? user = null)
    {
        var data = await client.QueryOutputAsync<GetUserAccountDataFunction, UserAccountDataOutput>(Address, new GetUserAccountDataFunction { User = user ?? client.Account.Address }).ConfigureAwait(false);
        var unit = await BaseCurrencyDecimalsAsync().ConfigureAwait(false);
        return new AaveAccountData(
            Base(data.TotalCollateralBase, unit),
            Base(data.TotalDebtBase, unit),
            Base(data.AvailableBorrowsBase, unit),
            (decimal)data.CurrentLiquidationThreshold / (decimal)BasisPoints,
            (decimal)data.Ltv / (decimal)BasisPoints,
            data.HealthFactor == MaxAmount ? null : RayMath.FromWad(data.HealthFactor),
            data.HealthFactor);
    }

    /// <summary>The reserve's stored indices and rates (rays); see <see cref="AaveReserveData"/>.</summary>
    public async Task<AaveReserveData> GetReserveDataAsync(string asset)
    {
        var data = await client.QueryOutputAsync<GetReserveDataFunction, ReserveDataOutput>(Address, new GetReserveDataFunction { Asset = asset }).ConfigureAwait(false);
        return new AaveReserveData(
            data.LiquidityIndex,
            data.VariableBorrowIndex,
            data.CurrentLiquidityRate,
            data.CurrentVariableBorrowRate,
            DateTimeOffset.FromUnixTimeSeconds((long)data.LastUpdateTimestamp),
            data.ATokenAddress,
            data.VariableDebtTokenAddress);
    }

    /// <summary>The supply index as of the latest block (ray): what aToken balances are read at.</summary>
    public Task<BigInteger> GetReserveNormalizedIncomeAsync(string asset) =>
        client.QueryAsync<GetReserveNormalizedIncomeFunction, BigInteger>(Address, new GetReserveNormalizedIncomeFunction { Asset = asset });

    /// <summary>The variable-debt index as of the latest block (ray).</summary>
    public Task<BigInteger> GetReserveNormalizedVariableDebtAsync(string asset) =>
        client.QueryAsync<GetReserveNormalizedVariableDebtFunction, BigInteger>(Address, new GetReserveNormalizedVariableDebtFunction { Asset = asset });

    /// <summary>
    /// The scaled balance of <paramref name="user"/> (the account when null) in an aToken or variable-debt token:
    /// the balance divided by the index at each action, which AAVE stores and grows by the index alone.
    /// </summary>
    public Task<BigInteger> ScaledBalanceOfAsync(string token, string? user = null) =>
        client.QueryAsync<ScaledBalanceOfFunction, BigInteger>(token, new ScaledBalanceOfFunction { User = user ?? client.Account.Address });

    /// <summary>The pool oracle's price of <paramref name="asset"/> in the base currency (USD on AAVE v3 Ethereum).</summary>
    public async Task<decimal> GetAssetPriceAsync(string asset)
    {
        var oracle = await OracleAsync().ConfigureAwait(false);
        var price = await client.QueryAsync<GetAssetPriceFunction, BigInteger>(oracle, new GetAssetPriceFunction { Asset = asset }).ConfigureAwait(false);
        return Base(price, await BaseCurrencyDecimalsAsync().ConfigureAwait(false));
    }

    private static decimal Base(BigInteger amount, int decimals) => RayMath.Scale(amount, decimals);

    private async Task<string> OracleAsync()
    {
        var provider = await client.QueryAsync<AddressesProviderFunction, string>(Address, new AddressesProviderFunction()).ConfigureAwait(false);
        return await client.QueryAsync<GetPriceOracleFunction, string>(provider, new GetPriceOracleFunction()).ConfigureAwait(false);
    }

    private async Task<int> BaseCurrencyDecimalsAsync()
    {
        if (_baseCurrencyDecimals is { } known)
        {
            return known;
        }

        var unit = await client.QueryAsync<BaseCurrencyUnitFunction, BigInteger>(await OracleAsync().ConfigureAwait(false), new BaseCurrencyUnitFunction()).ConfigureAwait(false);
        var decimals = unit.IsZero ? 0 : (int)Math.Round(BigInteger.Log10(unit));
        if (unit.IsZero || BigInteger.Pow(10, decimals) != unit)
        {
            throw new InvalidOperationException($"the AAVE oracle's BASE_CURRENCY_UNIT is {unit}, expected a power of ten");
        }

        _baseCurrencyDecimals = decimals;
        return decimals;
    }
}
