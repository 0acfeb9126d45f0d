using Basis.Live.Ledger;
using Basis.Live.Reconciliation;
using Basis.Venues.Ethereum;
using Basis.Venues.Ethereum.Aave;

namespace Basis.Live.Execution;

/// <summary>
/// A host's account on the chain for real instances: its client (the account of <c>BASIS_ENVIRONMENT</c>), the AAVE v3
/// pool, and the ERC-20 tokens it trades by the ledger's symbols (<c>USDT</c>) with their addresses and decimals.
/// </summary>
public sealed record ChainExecution(EthereumClient Client, AavePool Aave, IReadOnlyList<ChainToken> Tokens)
{
    /// <summary>EtherFi's LiquidityPool, where ETH is staked for eETH; null where the chain's contracts list none.</summary>
    public string? EtherFiLiquidityPool { get; init; }

    /// <summary>Uniswap v3's router and pools, where swaps go; null where the chain's contracts list no router.</summary>
    public UniswapRoutes? Uniswap { get; init; }

    /// <summary>AAVE's eMode category of ETH and its staking tokens, which a loop's account enters; null where the chain's contracts list none.</summary>
    public byte? EthEModeCategory { get; init; }

    /// <summary>
    /// The desk sending an instance's on-chain steps with this account, and following its deposits at the
    /// <paramref name="exchanges"/>; a step spending the wallet's tokens takes what the ledger says it holds when that
    /// falls short of the step by no more than the swap tolerance of <paramref name="rules"/> (<see cref="ChainStepDesk.ShortfallTolerance"/>),
    /// which also bounds what a loop's exit must get for the LST it sells.
    /// </summary>
    public ChainStepDesk DeskFor(PostgresLiveLedger ledger, IExchangeClients exchanges, TimeProvider time, OrderRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new(ledger, Client, Aave, Tokens, exchanges, time)
        {
            EtherFiLiquidityPool = EtherFiLiquidityPool,
            Uniswap = Uniswap,
            EthEModeCategory = EthEModeCategory,
            ShortfallTolerance = rules.SwapPriceTolerance,
        };
    }
}
