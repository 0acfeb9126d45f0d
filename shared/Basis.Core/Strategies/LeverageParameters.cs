using Basis.Core.Instruments;
using Basis.Core.Settings;

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

    /// <summary>
    /// The loop's keys. λ is <c>target_ltv</c> when given, else eMode max LTV × (1 − max_stake_spread_move); it must
    /// leave room below the max LTV, its health factor must clear <c>hf_floor</c>, and the band's top must stay
    /// below the liquidation threshold.
    /// </summary>
    internal static LeverageParameters Bind(IParameterReader reader, LstToken lst, VenueSettings venues)
    {
        var emode = venues.Aave.EMode;
        var spread = reader.Required<double>("max_stake_spread_move", 0, 0.5);
        var target = reader.Has("target_ltv") ? reader.Required<double>("target_ltv", 0.01, 0.99) : DefaultTargetLtv(emode.MaxLtv, spread);
        var band = reader.Required<double>("ltv_band", 0.001, 0.5);
        var floor = reader.Required<double>("hf_floor", 1.0001, 5);
        if (!reader.HasErrors)
        {
            if (target >= emode.MaxLtv)
            {
                reader.AddError("target_ltv", $"must be below the eMode max LTV {emode.MaxLtv} (got {target})");
            }
            else if (emode.LiquidationThreshold / target <= floor)
            {
                reader.AddError("hf_floor", $"must be below the health factor at the target LTV, {emode.LiquidationThreshold} / {target:0.######} = {emode.LiquidationThreshold / target:0.####}, or every leverage group is rejected (got {floor})");
            }
            else if (target + band >= emode.LiquidationThreshold || target - band <= 0)
            {
                reader.AddError("ltv_band", $"the band {target:0.######} ± {band} must stay between 0 and the liquidation threshold {emode.LiquidationThreshold}");
            }
        }

        return new LeverageParameters(lst, target, spread, band, floor);
    }
}
