namespace Basis.Core.Settings;

/// <summary>AAVE v3 parameters (configs/venues/aave_v3.yaml).</summary>
/// <param name="EMode">eMode risk parameters for ETH-correlated pairs.</param>
/// <param name="CloseFactor">Share of debt a liquidator may repay when HF is below 1.</param>
/// <param name="FullCloseHealthFactor">Below this HF a liquidator may repay all debt.</param>
/// <param name="FlashLoanFeeBps">Flash-loan fee of the configured provider.</param>
public sealed record AaveSettings(EModeSettings EMode, double CloseFactor, double FullCloseHealthFactor, double FlashLoanFeeBps);
