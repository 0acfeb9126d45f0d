namespace Basis.Data.Sample;

/// <summary>
/// A liquid staking token: its AAVE oracle exchange rate (ETH per LST, growing with the staking APR) and its DEX
/// peg (market rate = oracle × (1 + premium)). Writes <c>oracle/aave/{Symbol}-ETH</c> and <c>peg/{Symbol}</c>.
/// </summary>
/// <param name="Symbol">Token symbol (<c>weETH</c>, <c>wstETH</c>).</param>
/// <param name="OracleRateStart">ETH per token at the first hour.</param>
/// <param name="StakingAprMean">Long-run staking APR the exchange rate grows at.</param>
/// <param name="StakingAprSd">Standard deviation of the APR around its mean (it never goes below zero).</param>
/// <param name="PegPremiumMean">Long-run mean of market / oracle − 1.</param>
/// <param name="PegPremiumSd">Standard deviation of the premium around its mean.</param>
public sealed record SampleLiquidStakingToken(
    string Symbol,
    double OracleRateStart,
    double StakingAprMean,
    double StakingAprSd,
    double PegPremiumMean,
    double PegPremiumSd);
