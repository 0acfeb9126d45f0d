namespace Basis.Core.Strategies;

/// <summary>The strategy class behind a mode, which fixes the mode's parameter keys.</summary>
public enum StrategyFamily
{
    /// <summary><see cref="PureLendingStrategy"/> with <see cref="LendingParameters"/>.</summary>
    Lending,

    /// <summary><see cref="StakingStrategy"/> with <see cref="StakingParameters"/>.</summary>
    Staking,

    /// <summary><see cref="BasisStrategy"/> with <see cref="BasisParameters"/>.</summary>
    Basis,

    /// <summary><see cref="LeveragedStakingStrategy"/> with <see cref="LeveragedStakingParameters"/>.</summary>
    LeveragedStaking,

    /// <summary><see cref="HedgedStakingStrategy"/> without leverage.</summary>
    HedgedStaking,

    /// <summary><see cref="HedgedStakingStrategy"/> with an AAVE loop.</summary>
    HedgedLeveragedStaking,
}
