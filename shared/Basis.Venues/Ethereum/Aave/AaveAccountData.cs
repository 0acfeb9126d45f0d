using System.Numerics;

namespace Basis.Venues.Ethereum.Aave;

/// <summary>
/// <c>Pool.getUserAccountData</c>. Amounts are in the oracle's base currency (USD on AAVE v3 Ethereum: the raw
/// value ÷ <c>BASE_CURRENCY_UNIT</c>, 1e8); thresholds are fractions (the raw basis points ÷ 10 000).
/// </summary>
/// <param name="TotalCollateralBase">Collateral value.</param>
/// <param name="TotalDebtBase">Debt value.</param>
/// <param name="AvailableBorrowsBase">How much more may be borrowed at the current LTV.</param>
/// <param name="LiquidationThreshold">The collateral-weighted liquidation threshold (0.95 = 95 %).</param>
/// <param name="Ltv">The collateral-weighted maximum loan-to-value (not the current debt/collateral ratio).</param>
/// <param name="HealthFactor">HF; null without debt (AAVE returns the maximum uint256 then).</param>
/// <param name="HealthFactorWad">HF as AAVE returns it, a wad (1e18 = 1).</param>
public sealed record AaveAccountData(
    decimal TotalCollateralBase,
    decimal TotalDebtBase,
    decimal AvailableBorrowsBase,
    decimal LiquidationThreshold,
    decimal Ltv,
    decimal? HealthFactor,
    BigInteger HealthFactorWad);
