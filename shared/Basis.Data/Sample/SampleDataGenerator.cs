using Basis.Core.Market;
using Basis.Core.Time;
using Basis.Data.Canonical;

namespace Basis.Data.Sample;

/// <summary>
/// Generates the sample data set the default commands run on: every series a backtest needs, hourly over a few
/// months, synthetic but at realistic levels, in the canonical layout. The same <see cref="SampleDataOptions"/>
/// give byte-identical files on every machine and .NET version: the randomness is this project's own
/// (<see cref="SampleRandom"/>), the arithmetic avoids platform math libraries (<see cref="PortableMath"/>), and
/// numbers are rounded to a feed's precision and then printed by <see cref="CanonicalSeriesWriter"/>.
/// </summary>
public static class SampleDataGenerator
{
    /// <summary>Writes the default sample under <paramref name="targetRoot"/>; returns the series written.</summary>
    public static IReadOnlyList<SeriesId> Generate(string targetRoot) => Generate(targetRoot, SampleDataOptions.Default);

    /// <summary>
    /// Writes the sample under <paramref name="targetRoot"/>, replacing the month files of the series it writes
    /// (other files are left alone); returns the series written, in ordinal order.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static IReadOnlyList<SeriesId> Generate(string targetRoot, SampleDataOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetRoot);
        var series = Build(options);
        foreach (var data in series)
        {
            CanonicalSeriesWriter.Write(targetRoot, data);
        }

        return series.Select(s => s.Id).ToList();
    }

    /// <summary>The sample in memory, one <see cref="SeriesData"/> per series with at least one row, in ordinal order.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static IReadOnlyList<SeriesData> Build(SampleDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("The sample data options are invalid:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", errors), nameof(options));
        }

        var grid = new HourGrid(options.StartUtc, options.EndUtc);
        var times = new long[grid.Hours];
        for (var h = 0; h < times.Length; h++)
        {
            times[h] = grid.UnixSecondsOf(h);
        }

        var series = new List<SeriesData>();
        var market = MarketFactors.Simulate(options, grid.Hours);
        PricePath? ethPath = null;
        foreach (var asset in options.Assets)
        {
            var path = PricePath.Simulate(asset, market, options.Seed);
            ethPath = ReferenceEquals(asset, options.Eth) ? path : ethPath;
            foreach (var spot in asset.SpotMarkets)
            {
                var random = SampleRandom.Stream(options.Seed, spot.Series);
                var quoted = BarSeriesBuilder.Quote(path.Prices, basis: null, spot.NoiseBps, random);
                series.Add(BarSeriesBuilder.Build(SeriesId.Parse(spot.Series), times, quoted, path, spot.AverageHourlyVolume, asset.PriceDecimals, options, random));
            }

            if (asset.PerpMarkets.Count == 0)
            {
                continue;
            }

            var funding = new PerpFundingSimulator(asset, options, grid.Hours);
            foreach (var perp in asset.PerpMarkets)
            {
                var random = SampleRandom.Stream(options.Seed, perp.PerpSeries);
                var marks = BarSeriesBuilder.Quote(path.Prices, funding.CommonBasis, perp.MarkNoiseBps, random);
                series.Add(BarSeriesBuilder.Build(SeriesId.Parse(perp.PerpSeries), times, marks, path, perp.AverageHourlyVolume, asset.PriceDecimals, options, random));
                series.Add(funding.Funding(perp, times));
            }
        }

        series.Add(EthUsdOracle(ethPath!, times, options));
        foreach (var reserve in options.AaveReserves)
        {
            series.Add(AaveReserveSimulator.Build(reserve, times, options));
        }

        foreach (var token in options.LiquidStakingTokens)
        {
            var oracle = LiquidStakingSimulator.Oracle(token, times, options);
            series.Add(oracle);
            series.Add(LiquidStakingSimulator.Peg(token, oracle, options));
        }

        series.Add(GasSimulator.Build(times, options));
        series.Add(EtherfiRewardsSimulator.Eigen(options));
        series.Add(EtherfiRewardsSimulator.Ethfi(options));
        series.Add(BenchmarkSimulator.Susde(times, options));

        series.RemoveAll(s => s.Count == 0);
        series.Sort((a, b) => SeriesId.Ordinal(a.Id, b.Id));
        foreach (var data in series)
        {
            EnsureWithinCatalogLimits(data);
        }

        return series;
    }

    /// <summary>AAVE's ETH-USD oracle: the common ETH path with a few bps of noise (Chainlink aggregates many venues).</summary>
    private static SeriesData EthUsdOracle(PricePath ethPath, long[] times, SampleDataOptions options)
    {
        var id = SeriesId.Parse("oracle/aave/ETH-USD");
        var random = SampleRandom.Stream(options.Seed, id.Value);
        var prices = new double[times.Length];
        for (var h = 0; h < prices.Length; h++)
        {
            var noise = options.EthUsdOracleNoiseBps * 1e-4 * random.NextNormal();
            prices[h] = PortableMath.Quantize(ethPath.Prices[h] * (1 + noise), options.Eth.PriceDecimals);
        }

        return new SeriesData(id, times, [prices]);
    }

    /// <summary>
    /// Parameters far from the defaults can push a value outside what the catalog allows (a negative price, a
    /// falling index); that is a broken invariant of the generator, reported before anything is written.
    /// </summary>
    private static void EnsureWithinCatalogLimits(SeriesData data)
    {
        for (var c = 0; c < data.Spec.Columns.Count; c++)
        {
            var column = data.Spec.Columns[c];
            var values = data.Column(c);
            for (var row = 0; row < values.Length; row++)
            {
                var value = values[row];
                var falls = column.NonDecreasing && row > 0 && value < values[row - 1];
                if (!double.IsFinite(value) || value < column.Min || value > column.Max || falls)
                {
                    throw new InvalidOperationException(
                        $"Sample series {data.Id}: {column.Name} = {value} at {UnixTime.Format(data.Times[row])} breaks the catalog's limits " +
                        $"[{column.Min}, {column.Max}]{(column.NonDecreasing ? ", non-decreasing" : string.Empty)}; the sample options produce impossible data.");
                }
            }
        }
    }
}
