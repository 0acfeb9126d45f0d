using Basis.Core.Instruments;
using Basis.Live.Ledger;

namespace Basis.Live.Execution;

/// <summary>
/// A liquid staking protocol as the chain desk stakes with it, in two steps of one transaction each: ETH staked for the
/// protocol's rebasing token, then that token wrapped into the one the strategies hold (and AAVE lists). Token names are
/// the ledger's.
/// </summary>
/// <param name="Stake">The step staking ETH.</param>
/// <param name="Wrap">The step wrapping what the stake minted.</param>
/// <param name="Rebasing">What a stake mints, about one for one with the ETH (its balance grows with rewards).</param>
/// <param name="Wrapped">What it is wrapped into at the protocol's rate (its rate grows instead).</param>
public sealed record LiquidStaking(ChainStepKind Stake, ChainStepKind Wrap, string Rebasing, string Wrapped)
{
    /// <summary>EtherFi: ETH deposited into its LiquidityPool for eETH, wrapped into weETH.</summary>
    public static LiquidStaking EtherFi { get; } = new(ChainStepKind.EtherFiDeposit, ChainStepKind.WrapEEth, "eETH", "weETH");

    /// <summary>Lido: ETH submitted to stETH, wrapped into wstETH.</summary>
    public static LiquidStaking Lido { get; } = new(ChainStepKind.LidoSubmit, ChainStepKind.WrapStEth, "stETH", "wstETH");

    /// <summary>The protocol issuing <paramref name="lst"/>.</summary>
    public static LiquidStaking For(LstToken lst) => lst switch
    {
        LstToken.WeEth => EtherFi,
        LstToken.WstEth => Lido,
        _ => throw new ArgumentOutOfRangeException(nameof(lst), lst, null),
    };

    /// <summary>The protocol a step of <paramref name="kind"/> stakes or wraps with, or null for any other step.</summary>
    public static LiquidStaking? Of(ChainStepKind kind) => new[] { EtherFi, Lido }.FirstOrDefault(p => p.Stake == kind || p.Wrap == kind);
}
