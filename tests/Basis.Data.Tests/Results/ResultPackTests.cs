using System.Text;
using Basis.Core.Events;
using Basis.Core.Results;
using Basis.Data.Results;

namespace Basis.Data.Tests.Results;

public sealed class ResultPackTests
{
    [Fact]
    public void A_one_year_run_unpacks_to_byte_identical_result_files()
    {
        var result = OneYear();

        var unpacked = ResultPack.Unpack(ResultPack.Pack(result));

        var expected = ResultArtefacts.Render(result);
        var actual = ResultArtefacts.Render(unpacked);
        Assert.Equal(expected.Select(a => a.Name), actual.Select(a => a.Name));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].Content.AsSpan().SequenceEqual(actual[i].Content), $"{expected[i].Name} differs after a round trip");
        }
    }

    [Fact]
    public void Every_cell_event_and_position_comes_back_exactly()
    {
        var result = OneYear();

        var unpacked = ResultPack.Unpack(ResultPack.Pack(result));

        Assert.Equal(result.Timeseries.Grid, unpacked.Timeseries.Grid);
        Assert.Equal(result.Timeseries.Columns, unpacked.Timeseries.Columns);
        Assert.True(Bits(result.Timeseries).SequenceEqual(Bits(unpacked.Timeseries)), "a timeseries cell changed its bits");
        Assert.Equal(result.Events, unpacked.Events);
        Assert.Equal(result.Events.Select(e => e.Time.Kind), unpacked.Events.Select(e => e.Time.Kind));
        Assert.Equal(result.FinalPositions, unpacked.FinalPositions);
        Assert.Equal(result.Summary.Attribution, unpacked.Summary.Attribution);
        Assert.Equal(ResultArtefacts.SummaryJson(result.Summary), ResultArtefacts.SummaryJson(unpacked.Summary));
        Assert.Equal(result.Summary.Overrides, unpacked.Summary.Overrides);
    }

    [Fact]
    public void Values_no_result_file_can_show_still_come_back()
    {
        // summary.json and events.jsonl refuse NaN and infinities; the pack keeps them, so nothing is lost before a file is asked for.
        var builder = ResultBuilder.Lending(48);
        builder.Event(new LiquidationEvent(ResultBuilder.Start, "aave_v3:aToken:aUSDT", 1, 1, double.PositiveInfinity, double.NaN));
        var result = builder.Build();
        result = result with { Summary = result.Summary with { Sharpe = double.NaN, Volatility = double.NegativeInfinity, MinHealthFactor = double.PositiveInfinity } };

        var unpacked = ResultPack.Unpack(ResultPack.Pack(result));

        Assert.Equal(double.NaN, unpacked.Summary.Sharpe);
        Assert.Equal(double.NegativeInfinity, unpacked.Summary.Volatility);
        Assert.Equal(double.PositiveInfinity, unpacked.Summary.MinHealthFactor);
        var liquidation = Assert.IsType<LiquidationEvent>(Assert.Single(unpacked.Events));
        Assert.Equal(double.PositiveInfinity, liquidation.MarginRatio);
        Assert.Equal(double.NaN, liquidation.PenaltyUsd);
        Assert.All(unpacked.Timeseries.Column("health_factor"), v => Assert.Equal(double.PositiveInfinity, v));
    }

    [Fact]
    public void A_one_hour_run_without_events_or_positions_comes_back()
    {
        var result = ResultBuilder.Basis(1).Build();

        var unpacked = ResultPack.Unpack(ResultPack.Pack(result));

        Assert.Equal(1, unpacked.Timeseries.Grid.Hours);
        Assert.Empty(unpacked.Events);
        Assert.Empty(unpacked.FinalPositions);
        Assert.Equal(ResultArtefacts.Render(result).Select(a => a.Content), ResultArtefacts.Render(unpacked).Select(a => a.Content));
    }

    [Fact]
    public void The_same_result_packs_to_the_same_bytes()
    {
        var result = OneYear();

        Assert.Equal(ResultPack.Pack(result), ResultPack.Pack(result));
    }

    [Fact]
    public void A_year_packs_to_well_under_half_the_size_of_its_csv_and_jsonl()
    {
        // The builder's columns are noisy random walks (few repeats): the worst case for the pack.
        var result = OneYear();

        var pack = ResultPack.Pack(result);

        var text = ResultArtefacts.Timeseries(result.Timeseries).Length + ResultArtefacts.Events(result.Events).Length;
        Assert.True(pack.Length < text * 0.45, $"the pack is {pack.Length:N0} bytes; timeseries.csv and events.jsonl are {text:N0}");
    }

    [Fact]
    public void Bytes_that_are_not_a_pack_are_refused_saying_what_was_expected()
    {
        var summaryJson = Encoding.UTF8.GetBytes(ResultArtefacts.SummaryJson(ResultBuilder.Basis(2).Build().Summary));

        Assert.Equal("These bytes are not a result pack.", Assert.Throws<InvalidDataException>(() => ResultPack.Unpack(summaryJson)).Message);
        Assert.Equal("These bytes are not a result pack.", Assert.Throws<InvalidDataException>(() => ResultPack.Unpack("BSRX\u0001"u8)).Message);
    }

    [Fact]
    public void A_pack_of_another_format_version_is_refused()
    {
        var pack = ResultPack.Pack(ResultBuilder.Basis(2).Build());
        pack[4] = ResultPack.FormatVersion + 1;

        var error = Assert.Throws<InvalidDataException>(() => ResultPack.Unpack(pack));

        Assert.Equal($"The result pack has format version {ResultPack.FormatVersion + 1}; this engine reads version {ResultPack.FormatVersion}.", error.Message);
    }

    [Fact]
    public void A_pack_cut_short_anywhere_is_refused_as_truncated()
    {
        var builder = ResultBuilder.Basis(30);
        foreach (var sample in EventSamples.OneOfEach(ResultBuilder.Start))
        {
            builder.Event(sample);
        }

        var result = builder.Build();
        var pack = ResultPack.Pack(result with { FinalPositions = new Dictionary<string, double> { ["wallet:BaseToken:USDT"] = 12.5 } });

        for (var length = 0; length < pack.Length; length++)
        {
            var error = Assert.Throws<InvalidDataException>(() => ResultPack.Unpack(pack.AsSpan(0, length)));
            Assert.True(error.Message == "The result pack is truncated.", $"cut at {length} of {pack.Length}: {error.Message}");
        }
    }

    [Fact]
    public void A_pack_followed_by_other_bytes_is_refused()
    {
        var pack = ResultPack.Pack(ResultBuilder.Basis(2).Build());

        var error = Assert.Throws<InvalidDataException>(() => ResultPack.Unpack([.. pack, 0]));

        Assert.Equal("The result pack has 1 unexpected bytes at its end.", error.Message);
    }

    /// <summary>
    /// A year of an eth_basis-shaped run with values that are easy to lose (negative zero, a subnormal, NaN and both
    /// infinities, in a health factor column), 20,000 events of every type, and final positions.
    /// </summary>
    private static BacktestResult OneYear()
    {
        var builder = ResultBuilder.Basis(8_760);
        builder.Column("health_factor", h => (h % 500) switch
        {
            0 => double.NaN,
            1 => -0.0,
            2 => double.Epsilon,
            3 => double.NegativeInfinity,
            < 250 => double.PositiveInfinity,
            _ => 1.05 + (h * 1e-5),
        });
        var time = ResultBuilder.Start;
        while (builder.EventCount < 20_000)
        {
            foreach (var sample in EventSamples.OneOfEach(time))
            {
                builder.Event(sample);
            }

            foreach (var venue in new[] { "binance", "bybit", "okx" })
            {
                builder.Event(new FundingEvent(time, $"{venue}:Perp:ETHUSDT", 1e-4 * Math.Sin(builder.EventCount), -10.63089017758902, 3_764.35 + builder.EventCount, 0.1 * builder.EventCount));
            }

            time = time.AddHours(1);
        }

        var result = builder.Build();
        var summary = result.Summary with
        {
            Scenario = ["weETH depegs 5% at 2025-02-01T00:00:00Z for 24 h"],
            Overrides = ["hedge_allocation={binance: 0.5, bybit: 0.5, okx: 0}", "margin_fraction=0.25"],
            MinHealthFactor = 1.0512,
        };
        return result with
        {
            Summary = summary,
            FinalPositions = new Dictionary<string, double> { ["wallet:BaseToken:USDT"] = 1.999999999989086, ["binance:Perp:ETHUSDT"] = -10.63089017758902, ["bybit:BaseToken:ETH"] = -0.0 },
        };
    }

    private static long[] Bits(Timeseries timeseries) => [.. timeseries.Values.ToArray().Select(BitConverter.DoubleToInt64Bits)];
}
