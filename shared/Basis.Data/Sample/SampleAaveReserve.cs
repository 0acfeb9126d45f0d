namespace Basis.Data.Sample;

/// <summary>
/// One AAVE v3 reserve: starting indices and the ranges its rates wander in. Both rates follow one latent
/// utilisation pressure (as AAVE's rate model makes both a function of utilisation), so with
/// <c>BorrowRateMin &gt; SupplyRateMin</c> and <c>BorrowRateMax &gt; SupplyRateMax</c> the borrow rate is above the
/// supply rate at every hour.
/// </summary>
/// <param name="Asset">Reserve symbol; writes <c>aave/ethereum/{Asset}</c>.</param>
/// <param name="LiquidityIndexStart">Normalised supply index at the first hour.</param>
/// <param name="BorrowIndexStart">Normalised variable-borrow index at the first hour.</param>
/// <param name="SupplyRateMin">Lowest supply APR.</param>
/// <param name="SupplyRateMax">Highest supply APR.</param>
/// <param name="BorrowRateMin">Lowest variable borrow APR.</param>
/// <param name="BorrowRateMax">Highest variable borrow APR.</param>
public sealed record SampleAaveReserve(
    string Asset,
    double LiquidityIndexStart,
    double BorrowIndexStart,
    double SupplyRateMin,
    double SupplyRateMax,
    double BorrowRateMin,
    double BorrowRateMax);
