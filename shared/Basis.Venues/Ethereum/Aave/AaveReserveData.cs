using System.Numerics;

namespace Basis.Venues.Ethereum.Aave;

/// <summary>
/// <c>Pool.getReserveData</c>: indices and rates as rays (1e27 = 1), as stored at <see cref="LastUpdate"/>. The
/// indices move on every action; the index of "now" is <c>getReserveNormalizedIncome</c> /
/// <c>getReserveNormalizedVariableDebt</c>.
/// </summary>
/// <param name="LiquidityIndexRay">Supply index: aToken balance = rayMul(scaled balance, index).</param>
/// <param name="VariableBorrowIndexRay">Variable-debt index.</param>
/// <param name="LiquidityRateRay">Supply rate, per year (APR, compounded per second by the index).</param>
/// <param name="VariableBorrowRateRay">Variable borrow rate, per year.</param>
/// <param name="LastUpdate">When the indices were last written.</param>
/// <param name="ATokenAddress">The reserve's aToken.</param>
/// <param name="VariableDebtTokenAddress">The reserve's variable-debt token.</param>
public sealed record AaveReserveData(
    BigInteger LiquidityIndexRay,
    BigInteger VariableBorrowIndexRay,
    BigInteger LiquidityRateRay,
    BigInteger VariableBorrowRateRay,
    DateTimeOffset LastUpdate,
    string ATokenAddress,
    string VariableDebtTokenAddress)
{
    /// <summary>The supply index as a number (1 at listing).</summary>
    public decimal LiquidityIndex => RayMath.FromRay(LiquidityIndexRay);

    /// <summary>The variable-debt index as a number.</summary>
    public decimal VariableBorrowIndex => RayMath.FromRay(VariableBorrowIndexRay);

    /// <summary>The supply rate per year (0.03 = 3 % APR).</summary>
    public decimal LiquidityRateAnnual => RayMath.FromRay(LiquidityRateRay);

    /// <summary>The variable borrow rate per year.</summary>
    public decimal VariableBorrowRateAnnual => RayMath.FromRay(VariableBorrowRateRay);
}
