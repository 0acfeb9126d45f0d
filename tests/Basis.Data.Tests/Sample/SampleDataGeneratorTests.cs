using System.Security.Cryptography;
using Basis.Core.Market;
using Basis.Core.Time;
using Basis.Data.Sample;

namespace Basis.Data.Tests.Sample;

public sealed class SampleDataGeneratorTests(SampleDataFixture sample) : IClassFixture<SampleDataFixture>
{
    private const double HoursPerYear = 8760;

    // See The_default_sample_is_pinned_by_its_digest.
    private const string PinnedDigest = "a7b84b35058815f8bec8ac593308d9957b4164df5861168994cdaa2882981432";

    private static readonly string[] ExpectedSeries =
    [
        "aave/ethereum/USDT", "aave/ethereum/WETH", "aave/ethereum/weETH", "aave/ethereum/wstETH",
        "benchmark/ethena/sUSDe",
        "funding/binance/BTCUSDT", "funding/binance/ETHUSDT", "funding/bybit/BTCUSDT", "funding/bybit/ETHUSDT", "funding/okx/BTCUSDT", "funding/okx/ETHUSDT",
        "gas/ethereum",
        "oracle/aave/ETH-USD", "oracle/aave/weETH-ETH", "oracle/aave/wstETH-ETH",
        "peg/weETH", "peg/wstETH",
        "perp/binance/BTCUSDT", "perp/binance/ETHUSDT", "perp/bybit/BTCUSDT", "perp/bybit/ETHUSDT", "perp/okx/BTCUSDT", "perp/okx/ETHUSDT",
        "rewards/etherfi/EIGEN", "rewards/etherfi/ETHFI",
        "spot/binance/BTCUSDT", "spot/binance/ETHUSDT", "spot/bybit/BTCUSDT", "spot/bybit/ETHUSDT",
        "spot/uniswap/EIGENWETH", "spot/uniswap/ETHFIWETH", "spot/uniswap/WETHUSDT",
    ];

    private static readonly string[] BarSeries = [.. ExpectedSeries.Where(s => s.StartsWith("spot/", StringComparison.Ordinal) || s.StartsWith("perp/", StringComparison.Ordinal))];

    private static readonly DateTime Start = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Every_listed_series_is_written_and_discoverable()
    {
        Assert.Equal(ExpectedSeries, sample.Written.Select(s => s.Value));
        Assert.Equal(ExpectedSeries, Data.Canonical.CanonicalLayout.DiscoverSeries(sample.Root).Select(s => s.Value));
    }

    [Fact]
    public void Generating_twice_writes_identical_bytes()
    {
        var again = Directory.CreateTempSubdirectory("basis-sample-again-").FullName;
        try
        {
            SampleDataGenerator.Generate(again);

            var first = Files(sample.Root);
            var second = Files(again);
            Assert.Equal(first.Keys, second.Keys);
            foreach (var (path, bytes) in first)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(second[path]), $"{path} differs between two generations");
            }
        }
        finally
        {
            Directory.Delete(again, recursive: true);
        }
    }

    [Fact]
    public void The_default_sample_is_pinned_by_its_digest()
    {
        // SHA-256 over every file's relative path and bytes, in ordinal order. This pins the sample across
        // machines and .NET versions; a change of parameters or of the generator moves it, and the commit that
        // updates it says why the new sample is right.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, bytes) in Files(sample.Root))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(path + "\n"));
            hash.AppendData(bytes);
        }

        Assert.Equal(PinnedDigest, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    [Fact]
    public void The_whole_sample_stays_small()
    {
        var bytes = Files(sample.Root).Values.Sum(b => (long)b.Length);

        Assert.InRange(bytes, 1_000_000, 6_000_000);
    }

    [Fact]
    public void Hourly_series_have_every_hour_of_the_period()
    {
        var grid = new HourGrid(Start, End);
        var expected = Enumerable.Range(0, grid.Hours).Select(grid.UnixSecondsOf).ToArray();
        foreach (var id in sample.Written.Where(id => SeriesCatalog.Spec(id).Cadence == SeriesCadence.Hourly))
        {
            Assert.True(expected.AsSpan().SequenceEqual(sample.Read(id.Value).Times), $"{id} does not have exactly the hours of the period");
        }
    }

    [Fact]
    public void Funding_rows_fall_exactly_at_00_08_and_16_UTC_every_day()
    {
        foreach (var id in ExpectedSeries.Where(s => s.StartsWith("funding/", StringComparison.Ordinal)))
        {
            var times = sample.Read(id).Times.ToArray();

            // 90 days × 3 funding times.
            Assert.Equal(270, times.Length);
            Assert.Equal(UnixTime.ToSeconds(Start), times[0]);
            Assert.All(times, t => Assert.Contains(UnixTime.FromSeconds(t).Hour, new[] { 0, 8, 16 }));
            Assert.All(times.Zip(times.Skip(1)), pair => Assert.Equal(8 * 3600, pair.Second - pair.First));
        }
    }

    [Fact]
    public void The_benchmark_has_one_row_per_day_at_midnight()
    {
        var times = sample.Read("benchmark/ethena/sUSDe").Times.ToArray();

        Assert.Equal(90, times.Length);
        Assert.All(times, t => Assert.Equal(0, t % 86_400));
    }

    [Fact]
    public void Every_value_is_within_the_catalog_limits()
    {
        foreach (var id in sample.Written)
        {
            var data = sample.Read(id.Value);
            for (var c = 0; c < data.Spec.Columns.Count; c++)
            {
                var column = data.Spec.Columns[c];
                var values = data.Column(c).ToArray();
                Assert.True(values.All(v => v >= column.Min && v <= column.Max), $"{id} {column.Name} leaves [{column.Min}, {column.Max}]");
                if (column.NonDecreasing)
                {
                    Assert.True(values.Zip(values.Skip(1)).All(p => p.Second >= p.First), $"{id} {column.Name} decreases");
                }
            }
        }
    }

    [Fact]
    public void Bars_are_consistent_and_each_opens_at_the_previous_close()
    {
        foreach (var id in BarSeries)
        {
            var bars = sample.Read(id);
            var (open, high, low, close) = (bars.Column("open").ToArray(), bars.Column("high").ToArray(), bars.Column("low").ToArray(), bars.Column("close").ToArray());
            for (var h = 0; h < bars.Count; h++)
            {
                Assert.True(low[h] <= Math.Min(open[h], close[h]) && high[h] >= Math.Max(open[h], close[h]) && low[h] > 0,
                    $"{id} at {UnixTime.Format(bars.Times[h])}: O {open[h]} H {high[h]} L {low[h]} C {close[h]}");
                if (h > 0)
                {
                    Assert.True(open[h] == close[h - 1], $"{id} at {UnixTime.Format(bars.Times[h])} opens at {open[h]}, previous close {close[h - 1]}");
                }
            }
        }
    }

    [Fact]
    public void Prices_start_at_and_stay_near_realistic_levels()
    {
        AssertPath("spot/binance/ETHUSDT", start: 3_300, low: 1_500, high: 6_500, annualVolatility: 0.60);
        AssertPath("spot/binance/BTCUSDT", start: 94_000, low: 55_000, high: 160_000, annualVolatility: 0.45);
        AssertPath("spot/uniswap/EIGENWETH", start: 0.0012, low: 0.0002, high: 0.006, annualVolatility: 1.10);
        AssertPath("spot/uniswap/ETHFIWETH", start: 0.0006, low: 0.0001, high: 0.003, annualVolatility: 1.00);

        // The AAVE ETH-USD oracle follows the same path.
        Assert.True(MaxRelativeGap(sample.Read("oracle/aave/ETH-USD").Column("price"), sample.Read("spot/binance/ETHUSDT").Column("open")) < 0.003);
    }

    [Fact]
    public void Venues_quote_within_a_few_bps_of_each_other()
    {
        var binance = sample.Read("spot/binance/ETHUSDT").Column("close");

        // Noise of 1.5 and 2 bps per venue: a 20 bp gap would be a 7σ event.
        Assert.True(MaxRelativeGap(sample.Read("spot/bybit/ETHUSDT").Column("close"), binance) < 0.002);
        Assert.True(MaxRelativeGap(sample.Read("spot/uniswap/WETHUSDT").Column("close"), binance) < 0.003);
        Assert.True(MaxRelativeGap(sample.Read("spot/bybit/BTCUSDT").Column("close"), sample.Read("spot/binance/BTCUSDT").Column("close")) < 0.002);
    }

    [Fact]
    public void Perp_marks_carry_a_small_premium_that_agrees_with_funding()
    {
        foreach (var symbol in new[] { "BTCUSDT", "ETHUSDT" })
        {
            var spot = sample.Read($"spot/binance/{symbol}").Column("open").ToArray();
            foreach (var venue in new[] { "binance", "bybit", "okx" })
            {
                var marks = sample.Read($"perp/{venue}/{symbol}").Column("open").ToArray();
                var basis = marks.Zip(spot, (m, s) => (m / s) - 1).ToArray();
                var funding = sample.Read($"funding/{venue}/{symbol}");
                var rates = funding.Column("rate").ToArray();

                Assert.InRange(basis.Average(), 0.5e-4, 5e-4);
                Assert.True(basis.All(b => Math.Abs(b) < 30e-4), $"perp/{venue}/{symbol}: basis beyond 30 bps");
                Assert.InRange(rates.Average(), 0.5e-4, 1.5e-4);
                Assert.Contains(rates.Zip(rates.Skip(1)), pair => pair.First < 0 && pair.Second < 0);

                // Basis at funding times rises and falls with the published rate.
                var basisAtFunding = funding.Times.ToArray().Select(t => basis[(int)((t - funding.Times[0]) / 3600)]).ToArray();
                Assert.True(Correlation(basisAtFunding, rates) > 0.3, $"perp/{venue}/{symbol}: basis and funding disagree");
            }

            var binance = sample.Read($"funding/binance/{symbol}").Column("rate").ToArray();
            var bybit = sample.Read($"funding/bybit/{symbol}").Column("rate").ToArray();
            Assert.InRange(Correlation(binance, bybit), 0.5, 0.99);
        }
    }

    [Fact]
    public void Aave_borrowing_costs_more_than_supplying_earns_and_indices_compound_the_rates()
    {
        foreach (var reserve in SampleDataFixture.Options.AaveReserves)
        {
            var data = sample.Read($"aave/ethereum/{reserve.Asset}");
            var (supplyIndex, borrowIndex) = (data.Column("liquidity_index").ToArray(), data.Column("variable_borrow_index").ToArray());
            var (supplyRate, borrowRate) = (data.Column("liquidity_rate").ToArray(), data.Column("variable_borrow_rate").ToArray());

            Assert.Equal(reserve.LiquidityIndexStart, supplyIndex[0]);
            Assert.Equal(reserve.BorrowIndexStart, borrowIndex[0]);
            for (var h = 0; h < data.Count; h++)
            {
                Assert.True(borrowRate[h] > supplyRate[h], $"{reserve.Asset} at hour {h}: borrow {borrowRate[h]} <= supply {supplyRate[h]}");
                Assert.InRange(supplyRate[h], reserve.SupplyRateMin, reserve.SupplyRateMax);
                Assert.InRange(borrowRate[h], reserve.BorrowRateMin, reserve.BorrowRateMax);
                if (h > 0)
                {
                    Assert.Equal(supplyIndex[h - 1] * (1 + (supplyRate[h - 1] / HoursPerYear)), supplyIndex[h], 14);
                    Assert.Equal(borrowIndex[h - 1] * (1 + (borrowRate[h - 1] / HoursPerYear)), borrowIndex[h], 14);
                }
            }
        }
    }

    [Fact]
    public void Lst_exchange_rates_never_fall_and_grow_at_about_the_staking_apr()
    {
        foreach (var token in SampleDataFixture.Options.LiquidStakingTokens)
        {
            var rates = sample.Read($"oracle/aave/{token.Symbol}-ETH").Column("price").ToArray();

            Assert.Equal(token.OracleRateStart, rates[0]);
            Assert.All(rates.Zip(rates.Skip(1)), p => Assert.True(p.Second >= p.First * (1 - 1e-9), $"{token.Symbol} oracle falls from {p.First} to {p.Second}"));

            // 2,159 hours of growth, annualised.
            var annualised = ((rates[^1] / rates[0]) - 1) * HoursPerYear / (rates.Length - 1);
            Assert.InRange(annualised, token.StakingAprMean - 0.01, token.StakingAprMean + 0.01);
        }
    }

    [Fact]
    public void Peg_market_rates_stay_within_the_premium_bounds_around_the_oracle()
    {
        foreach (var token in SampleDataFixture.Options.LiquidStakingTokens)
        {
            var peg = sample.Read($"peg/{token.Symbol}");
            var oracle = sample.Read($"oracle/aave/{token.Symbol}-ETH").Column("price").ToArray();
            var premiums = peg.Column("market_rate").ToArray().Zip(peg.Column("oracle_rate").ToArray(), (m, o) => (m / o) - 1).ToArray();

            Assert.Equal(oracle, peg.Column("oracle_rate").ToArray());
            Assert.All(premiums, p => Assert.InRange(p, -0.006 - 1e-9, 0.001 + 1e-9));
            Assert.InRange(premiums.Average(), -0.0015, 0);
        }
    }

    [Fact]
    public void Gas_has_ordered_priority_fees_an_intraday_rhythm_and_occasional_spikes()
    {
        var gas = sample.Read("gas/ethereum");
        var baseFee = gas.Column("base_fee_gwei").ToArray();
        var (p25, p50, p75) = (gas.Column("priority_fee_p25_gwei").ToArray(), gas.Column("priority_fee_p50_gwei").ToArray(), gas.Column("priority_fee_p75_gwei").ToArray());

        Assert.All(Enumerable.Range(0, gas.Count), h => Assert.True(p25[h] <= p50[h] && p50[h] <= p75[h], $"hour {h}: {p25[h]} / {p50[h]} / {p75[h]}"));
        Assert.InRange(Median(baseFee), 2, 10);
        Assert.InRange(Median(p50), 0.05, 2);
        Assert.InRange(baseFee.Count(b => b >= 50), 3, 200);
        Assert.True(baseFee.Max() <= 200);

        var hours = gas.Times.ToArray().Select(t => UnixTime.FromSeconds(t).Hour).ToArray();
        var usOpen = Median(baseFee.Where((_, i) => hours[i] is >= 15 and <= 18));
        var asiaNight = Median(baseFee.Where((_, i) => hours[i] is >= 3 and <= 6));
        Assert.True(usOpen > 1.5 * asiaNight, $"median base fee 15-18 UTC {usOpen} vs 03-06 UTC {asiaNight}");
    }

    [Fact]
    public void Eigen_is_paid_weekly_at_the_end_of_each_seven_day_period()
    {
        var eigen = sample.Read("rewards/etherfi/EIGEN");
        var (periodStart, periodEnd) = (eigen.Column("period_start").ToArray(), eigen.Column("period_end").ToArray());

        // Sundays 2025-01-05 … 2025-03-30; the first period started 2024-12-29, before the sample.
        Assert.Equal(13, eigen.Count);
        Assert.Equal(UnixTime.ToSeconds(new DateTime(2024, 12, 29, 0, 0, 0, DateTimeKind.Utc)), (long)periodStart[0]);
        for (var i = 0; i < eigen.Count; i++)
        {
            Assert.Equal(eigen.Times[i], (long)periodEnd[i]);
            Assert.Equal(7 * 86_400, periodEnd[i] - periodStart[i]);
            Assert.InRange(eigen.Column("tokens_per_eeth")[i], 0.17, 0.20);
            Assert.Equal(0, eigen.Column("estimated")[i]);
        }
    }

    [Fact]
    public void Ethfi_top_ups_pay_for_an_earlier_period()
    {
        var ethfi = sample.Read("rewards/etherfi/ETHFI");

        Assert.Equal(2, ethfi.Count);
        for (var i = 0; i < ethfi.Count; i++)
        {
            var (start, end, payout) = ((long)ethfi.Column("period_start")[i], (long)ethfi.Column("period_end")[i], ethfi.Times[i]);
            Assert.InRange(end - start, 7 * 86_400, 21 * 86_400);
            Assert.InRange(payout - end, 7 * 86_400, 14 * 86_400);
            Assert.InRange(ethfi.Column("tokens_per_eeth")[i], 0.01, 0.25);
            Assert.Equal(0, ethfi.Column("estimated")[i]);
        }
    }

    [Fact]
    public void The_benchmark_apy_stays_in_its_band()
    {
        Assert.All(sample.Read("benchmark/ethena/sUSDe").Column("apy").ToArray(), apy => Assert.InRange(apy, 0.07, 0.12));
    }

    [Fact]
    public void Another_period_and_seed_give_complete_series_of_their_own()
    {
        // A week starting mid-day on a Monday: partial days at both ends, one month file per series.
        var options = SampleDataOptions.Default with
        {
            Seed = 7,
            StartUtc = new DateTime(2024, 6, 3, 5, 0, 0, DateTimeKind.Utc),
            EndUtc = new DateTime(2024, 6, 10, 5, 0, 0, DateTimeKind.Utc),
            EthfiTopUps = 1,
        };

        var data = SampleDataGenerator.Build(options).ToDictionary(s => s.Id.Value, StringComparer.Ordinal);

        Assert.Equal(ExpectedSeries, data.Keys);
        Assert.Equal(168, data["gas/ethereum"].Count);
        Assert.Equal(21, data["funding/okx/ETHUSDT"].Count);
        Assert.Equal(7, data["benchmark/ethena/sUSDe"].Count);
        Assert.Equal(1, data["rewards/etherfi/EIGEN"].Count);
        Assert.NotEqual(sample.Read("spot/binance/ETHUSDT").Column("close")[1], data["spot/binance/ETHUSDT"].Column("close")[1]);
    }

    [Fact]
    public void Invalid_options_are_refused_with_every_problem_named()
    {
        var options = SampleDataOptions.Default with
        {
            StartUtc = new DateTime(2025, 1, 1, 0, 30, 0, DateTimeKind.Utc),
            AaveReserves = [new SampleAaveReserve("USDT", 1.1, 1.15, SupplyRateMin: 0.05, SupplyRateMax: 0.09, BorrowRateMin: 0.04, BorrowRateMax: 0.11)],
        };

        var error = Assert.Throws<ArgumentException>(() => SampleDataGenerator.Build(options));

        Assert.Contains("StartUtc must be a whole UTC hour", error.Message, StringComparison.Ordinal);
        Assert.Contains("AaveReserves 'USDT'", error.Message, StringComparison.Ordinal);
        Assert.Empty(SampleDataOptions.Default.Validate());
    }

    private void AssertPath(string id, double start, double low, double high, double annualVolatility)
    {
        var close = sample.Read(id).Column("close").ToArray();
        var open = sample.Read(id).Column("open")[0];
        var returns = close.Zip(close.Skip(1), (a, b) => Math.Log(b / a)).ToArray();
        var realised = Math.Sqrt(returns.Select(r => r * r).Average() * HoursPerYear);

        Assert.InRange(open, start * 0.99, start * 1.01);
        Assert.All(close, c => Assert.InRange(c, low, high));
        Assert.InRange(realised, annualVolatility * 0.85, annualVolatility * 1.15);
    }

    private static double MaxRelativeGap(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var max = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs((a[i] / b[i]) - 1));
        }

        return max;
    }

    private static double Correlation(double[] x, double[] y)
    {
        var (mx, my) = (x.Average(), y.Average());
        var covariance = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        return covariance / Math.Sqrt(x.Sum(a => (a - mx) * (a - mx)) * y.Sum(b => (b - my) * (b - my)));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static SortedDictionary<string, byte[]> Files(string root)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/')] = File.ReadAllBytes(path);
        }

        return files;
    }
}
