using Basis.Core.Market;

namespace Basis.Data.Sample;

/// <summary>
/// A liquid staking token's AAVE oracle exchange rate and its DEX peg. The rate accrues the staking APR every
/// hour and never falls (an LST's exchange rate only drops on slashing, which the sample does not model); the
/// market trades at oracle × (1 + premium), the premium mean-reverting and reflected inside its bounds.
/// </summary>
internal static class LiquidStakingSimulator
{
    private const double HoursPerYear = 8760;

    /// <summary>The oracle series <c>oracle/aave/{Symbol}-ETH</c>.</summary>
    public static SeriesData Oracle(SampleLiquidStakingToken token, long[] times, SampleDataOptions options)
    {
        var id = SeriesId.Parse($"oracle/aave/{token.Symbol}-ETH");
        var random = SampleRandom.Stream(options.Seed, id.Value);
        var apr = new MeanRevertingProcess(token.StakingAprMean, token.StakingAprSd, options.StakingAprHalfLifeHours,
            token.StakingAprMean + (token.StakingAprSd * random.NextNormal()));
        var rates = new double[times.Length];
        var rate = token.OracleRateStart;
        for (var h = 0; h < times.Length; h++)
        {
            rates[h] = PortableMath.Quantize(rate, options.ExchangeRateDecimals);
            var accrual = Math.Max(0, apr.Value) / HoursPerYear * Math.Max(0, 1 + (options.StakingAccrualJitter * random.NextNormal()));
            rate *= 1 + accrual;
            apr.Step(random.NextNormal());
        }

        return new SeriesData(id, times, [rates]);
    }

    /// <summary>The peg series <c>peg/{Symbol}</c>, whose oracle rate is exactly <paramref name="oracle"/>'s price.</summary>
    public static SeriesData Peg(SampleLiquidStakingToken token, SeriesData oracle, SampleDataOptions options)
    {
        var id = SeriesId.Parse($"peg/{token.Symbol}");
        var random = SampleRandom.Stream(options.Seed, id.Value);
        var (low, high) = (options.PegPremiumMin, options.PegPremiumMax);
        var premium = new MeanRevertingProcess(token.PegPremiumMean, token.PegPremiumSd, options.PegPremiumHalfLifeHours,
            MeanRevertingProcess.Reflect(token.PegPremiumMean + (token.PegPremiumSd * random.NextNormal()), low, high));
        var oracleRates = oracle.Column(0).ToArray();
        var marketRates = new double[oracleRates.Length];
        for (var h = 0; h < oracleRates.Length; h++)
        {
            marketRates[h] = PortableMath.Quantize(oracleRates[h] * (1 + premium.Value), options.ExchangeRateDecimals);
            premium.StepReflected(random.NextNormal(), low, high);
        }

        return new SeriesData(id, oracle.Times.ToArray(), [oracleRates, marketRates]);
    }
}
