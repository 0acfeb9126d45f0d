using Basis.Core.Instruments;

namespace Basis.Core.Strategies;

/// <summary>An AAVE eMode staking loop: LST collateral against WETH debt held at a target LTV.</summary>
/// <param name="Lst">weETH or wstETH (supplied to AAVE as collateral).</param>
/// <param name="TargetLtv">
/// λ: <c>target_ltv</c> when set, otherwise eMode max LTV × (1 − <paramref name="MaxStakeSpreadMove"/>).
/// </param>
/// <param name="MaxStakeSpreadMove">The LST/ETH spread move the target leaves room for.</param>
/// <param name="LtvBand">Re-lever below λ − band; deleverage above λ + band.</param>
/// <param name="HealthFactorFloor">Deleverage below this health factor; no group may leave HF below it.</param>
public sealed record LeverageParameters(LstToken Lst, double TargetLtv, double MaxStakeSpreadMove, double LtvBand, double HealthFactorFloor)
{
    /// <summary>The target LTV of DESIGN §4: eMode max LTV × (1 − max_stake_spread_move).</summary>
    public static double DefaultTargetLtv(double emodeMaxLtv, double maxStakeSpreadMove) => emodeMaxLtv * (1 - maxStakeSpreadMove);
}
