namespace Basis.Core.Settings;

/// <summary>AAVE eMode parameters for ETH-correlated collateral and debt.</summary>
/// <param name="MaxLtv">Maximum loan-to-value when borrowing.</param>
/// <param name="LiquidationThreshold">Weight of collateral in the health factor.</param>
/// <param name="LiquidationBonus">Extra collateral a liquidator seizes, as a fraction of the debt repaid.</param>
public sealed record EModeSettings(double MaxLtv, double LiquidationThreshold, double LiquidationBonus);
