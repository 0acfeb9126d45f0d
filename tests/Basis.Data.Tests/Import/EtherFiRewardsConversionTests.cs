using Basis.Core.Market;
using Basis.Core.Time;
using Basis.Data.Import;

namespace Basis.Data.Tests.Import;

public sealed class EtherFiRewardsConversionTests
{
    private const string Header = "period_start,period_end,payout_date,period_days,reward_type,event_name,eigen_per_eeth_weekly,eigen_price_usd,daily_yield_final,data_quality,ethfi_per_eeth";

    private static readonly SeriesId EigenWeth = SeriesId.Parse("spot/uniswap/EIGENWETH");

    private static long At(int year, int month, int day, int hour = 0) => UnixTime.ToSeconds(new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Utc));

    private static SeriesData Bars(params (long Time, double Open, double Close)[] bars) =>
        new(EigenWeth, bars.Select(b => b.Time).ToArray(),
        [
            bars.Select(b => b.Open).ToArray(),
            bars.Select(b => Math.Max(b.Open, b.Close)).ToArray(),
            bars.Select(b => Math.Min(b.Open, b.Close)).ToArray(),
            bars.Select(b => b.Close).ToArray(),
            bars.Select(_ => 1.0).ToArray(),
        ]);

    private static EtherFiRewardsResult Convert(SeriesData? bars, RowDropLog log, params string[] rows) =>
        EtherFiRewardsConversion.Convert(SourceTable.Parse(string.Join('\n', [Header, .. rows]), "rewards.csv"), bars, log);

    [Fact]
    public void A_king_eigen_row_scales_the_weekly_rate_by_its_days_and_pays_after_its_period()
    {
        var log = new RowDropLog();

        // 2024-08-15 → 2024-10-05 is 52 days inclusive: 0.205 × 52 / 7 = 1.522857... EIGEN per eETH. The row says it
        // paid on 2024-10-05, its own last day; a payout cannot precede the end of its period (2024-10-06 00:00).
        var result = Convert(null, log, "2024-08-15,2024-10-05,2024-10-05,51,EIGEN_via_KING,EIGEN_Weekly_Distribution,0.205,3.5,,exact,");

        var payout = Assert.Single(result.Eigen);
        Assert.Equal(0.205 * 52 / 7, payout.TokensPerEeth, 12);
        Assert.Equal(At(2024, 8, 15), payout.PeriodStart);
        Assert.Equal(At(2024, 10, 6), payout.PeriodEnd);
        Assert.Equal(At(2024, 10, 6), payout.Payout);
        Assert.False(payout.Estimated);
        Assert.Contains(result.Notes, n => n.StartsWith("period_days differs", StringComparison.Ordinal));
    }

    [Fact]
    public void An_ethfi_payout_after_the_period_keeps_its_payout_date()
    {
        var result = Convert(null, new RowDropLog(), "2024-08-15,2024-10-05,2024-10-18,52,ETHFI_via_KING,ETHFI_TopUp,,,,exact,0.248");

        var payout = Assert.Single(result.Ethfi);
        Assert.Equal(At(2024, 10, 18), payout.Payout);
        Assert.Equal(0.248, payout.TokensPerEeth);
        Assert.False(payout.Estimated);
    }

    [Fact]
    public void A_seasonal_airdrop_is_always_an_estimate()
    {
        var result = Convert(null, new RowDropLog(), "2024-03-01,2024-03-15,2024-03-18,15,ETHFI_Seasonal_Airdrop,Season 1,,,,exact,10.0");

        Assert.True(Assert.Single(result.Ethfi).Estimated);
    }

    [Fact]
    public void A_defillama_row_converts_the_days_eth_yield_into_eigen_at_the_pool_price()
    {
        var bars = Bars((At(2025, 8, 2, 20), 0.00041, 0.00040), (At(2025, 8, 3, 5), 0.0005, 0.00052));
        var log = new RowDropLog();

        var result = Convert(bars, log,
            "2025-08-03,2025-08-03,2025-08-03,1,EIGEN_via_DEFILLAMA,x,,3.5,5e-6,estimated,",  // first bar of the day opens at 0.0005
            "2025-08-02,2025-08-02,2025-08-02,1,EIGEN_via_DEFILLAMA,x,,3.5,6e-6,estimated,",  // only 20:00 of that day: its open, 0.00041
            "2025-08-04,2025-08-04,2025-08-04,1,EIGEN_via_DEFILLAMA,x,,3.5,4e-6,estimated,",  // no bar that day: the 05:00 bar before closes at 0.00052
            "2025-08-06,2025-08-06,2025-08-06,1,EIGEN_via_DEFILLAMA,x,,3.5,4e-6,estimated,"); // last bar is 2 days before: no price

        // 5e-6 ETH per eETH / 0.0005 ETH per EIGEN = 0.01 EIGEN per eETH, paid at the end of the day.
        Assert.Equal([At(2025, 8, 3), At(2025, 8, 4), At(2025, 8, 5)], result.Eigen.Select(p => p.Payout));
        Assert.Equal(6e-6 / 0.00041, result.Eigen[0].TokensPerEeth, 12);
        Assert.Equal(0.01, result.Eigen[1].TokensPerEeth, 12);
        Assert.Equal(4e-6 / 0.00052, result.Eigen[2].TokensPerEeth, 12);
        Assert.All(result.Eigen, p => Assert.True(p.Estimated));
        var dropped = Assert.Single(log.ToReport());
        Assert.StartsWith("no EIGEN/WETH price for the day", dropped.Reason, StringComparison.Ordinal);
        Assert.Contains("2025-08-06", Assert.Single(dropped.Examples), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_rows_of_one_token_for_the_same_period_and_payout_are_summed()
    {
        var result = Convert(null, new RowDropLog(),
            "2024-11-10,2024-11-16,2024-11-28,7,ETHFI_via_KING,a,,,,exact,0.2",
            "2024-11-10,2024-11-16,2024-11-28,7,ETHFI_via_KING,b,,,,exact,0.05");

        Assert.Equal(0.25, Assert.Single(result.Ethfi).TokensPerEeth, 12);
        Assert.Equal(0, result.ConflictingTimestamps);
    }

    [Fact]
    public void Two_rows_of_one_token_for_different_periods_at_one_payout_are_a_conflict_and_both_dropped()
    {
        var result = Convert(null, new RowDropLog(),
            "2024-11-10,2024-11-16,2024-11-28,7,ETHFI_via_KING,a,,,,exact,0.2",
            "2024-11-03,2024-11-16,2024-11-28,14,ETHFI_via_KING,b,,,,exact,0.4",
            "2024-11-10,2024-11-16,2024-11-28,7,EIGEN_via_KING,c,0.17,,,exact,");

        Assert.Empty(result.Ethfi);
        Assert.Single(result.Eigen); // another token at the same time is no conflict
        Assert.Equal(1, result.ConflictingTimestamps);
        Assert.Equal(2, result.ConflictingRows);
        Assert.StartsWith("ETHFI payout at 2024-11-28T00:00:00Z", Assert.Single(result.ConflictExamples), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_reward_types_are_dropped_and_reported()
    {
        var log = new RowDropLog();

        var result = Convert(null, log, "2024-11-10,2024-11-16,2024-11-28,7,KING_points,a,,,,exact,1");

        Assert.Empty(result.Eigen);
        Assert.Empty(result.Ethfi);
        Assert.Equal("unknown reward_type", Assert.Single(log.ToReport()).Reason);
    }
}
