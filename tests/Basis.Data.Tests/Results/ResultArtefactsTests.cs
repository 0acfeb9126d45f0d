using System.Globalization;
using System.Text;
using System.Text.Json;
using Basis.Core.Events;
using Basis.Core.Results;
using Basis.Core.Time;
using Basis.Data.Results;

namespace Basis.Data.Tests.Results;

public sealed class ResultArtefactsTests
{
    private static readonly DateTime NewYearsEve = new(2024, 12, 31, 22, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Timeseries_csv_writes_each_value_as_its_shortest_round_trip_text_and_non_finite_values_as_empty_cells()
    {
        // Four hours across a day and a year boundary; each column holds values whose text is easy to get wrong.
        var grid = new HourGrid(NewYearsEve, NewYearsEve.AddHours(4));
        var timeseries = Timeseries.FromColumns(grid, ["zeros", "extremes", "non_finite", "decimals", "magnitudes"],
        [
            [0.0, -0.0, 0.0, -0.0],
            [double.Epsilon, 2.2250738585072014E-308, double.MaxValue, -double.MaxValue],
            [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1],
            [0.1 + 0.2, 2.0 / 3, -1.5, 0.1],
            [1e15, 1e16, 1e21, 123456789012345680],
        ]);

        var csv = Encoding.UTF8.GetString(ResultArtefacts.Timeseries(timeseries));

        Assert.Equal(
            "timestamp,zeros,extremes,non_finite,decimals,magnitudes\n" +
            "2024-12-31T22:00:00Z,0,5E-324,,0.30000000000000004,1000000000000000\n" +
            "2024-12-31T23:00:00Z,-0,2.2250738585072014E-308,,0.6666666666666666,10000000000000000\n" +
            "2025-01-01T00:00:00Z,0,1.7976931348623157E+308,,-1.5,1E+21\n" +
            "2025-01-01T01:00:00Z,-0,-1.7976931348623157E+308,1,0.1,1.2345678901234568E+17\n",
            csv);
    }

    [Fact]
    public void Small_numbers_switch_to_exponent_notation_as_round_trip_formatting_does()
    {
        var grid = new HourGrid(NewYearsEve, NewYearsEve.AddHours(3));
        var timeseries = Timeseries.FromColumns(grid, ["small", "residual"], [[0.0001, 1e-5, 1e-7], [-9.606537787476555E-12, 8.105516258183343E-12, -1.6692203175239229E-12]]);

        var csv = Encoding.UTF8.GetString(ResultArtefacts.Timeseries(timeseries));

        Assert.Equal(
            "timestamp,small,residual\n" +
            "2024-12-31T22:00:00Z,0.0001,-9.606537787476555E-12\n" +
            "2024-12-31T23:00:00Z,1E-05,8.105516258183343E-12\n" +
            "2025-01-01T00:00:00Z,1E-07,-1.6692203175239229E-12\n",
            csv);
    }

    [Fact]
    public void Every_timeseries_cell_is_the_invariant_round_trip_text_and_parses_back_to_the_same_bits()
    {
        // Random bit patterns (every exponent, subnormals, NaN payloads) and random short decimals, with runs of
        // repeated values as positions and zero sources have; 30 columns over a leap day.
        var random = new Random(20240229);
        var start = new DateTime(2024, 2, 27, 0, 0, 0, DateTimeKind.Utc);
        var grid = new HourGrid(start, start.AddHours(24 * 5));
        var names = Enumerable.Range(0, 30).Select(c => $"c{c}").ToList();
        var columns = names.Select(_ => new double[grid.Hours]).ToList();
        for (var c = 0; c < columns.Count; c++)
        {
            for (var h = 0; h < grid.Hours; h++)
            {
                columns[c][h] = (c % 3) switch
                {
                    0 => BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue)),
                    1 => Math.Round((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 12)), random.Next(0, 15)),
                    _ => h > 0 && random.Next(4) > 0 ? columns[c][h - 1] : random.NextDouble() * 1e4,
                };
            }
        }

        var lines = Encoding.UTF8.GetString(ResultArtefacts.Timeseries(Timeseries.FromColumns(grid, names, columns))).Split('\n');

        Assert.Equal(grid.Hours + 2, lines.Length);
        Assert.Equal("", lines[^1]);
        for (var h = 0; h < grid.Hours; h++)
        {
            var cells = lines[h + 1].Split(',');
            Assert.Equal(UnixTime.Format(grid.TimeOf(h)), cells[0]);
            for (var c = 0; c < columns.Count; c++)
            {
                var value = columns[c][h];
                Assert.Equal(double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : string.Empty, cells[c + 1]);
                if (double.IsFinite(value))
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(double.Parse(cells[c + 1], CultureInfo.InvariantCulture)));
                }
            }
        }
    }

    [Fact]
    public void A_timeseries_without_columns_still_has_a_timestamp_per_hour()
    {
        var grid = new HourGrid(NewYearsEve, NewYearsEve.AddHours(2));

        var csv = Encoding.UTF8.GetString(ResultArtefacts.Timeseries(Timeseries.FromColumns(grid, [], [])));

        Assert.Equal("timestamp\n2024-12-31T22:00:00Z\n2024-12-31T23:00:00Z\n", csv);
    }

    [Fact]
    public void Events_jsonl_has_one_compact_snake_case_object_per_line_with_its_type_first()
    {
        var time = NewYearsEve;
        var jsonl = Encoding.UTF8.GetString(ResultArtefacts.Events(
        [
            new RebalanceEvent(time, "entry_full", "buy ETH → short \"perps\" <now> & hedge, 0.25 é", 100_000),
            new FundingEvent(time.AddHours(1), "binance:Perp:ETHUSDT", 1e-4, -10.63089017758902, 3_764.35, -0.0),
            new AtomicGroupEvent(time.AddHours(2), "leverage_entry", "executed", "target LTV", null, 1.0512, 0.9, 0.0012),
        ]));

        Assert.Equal(
            "{\"type\":\"rebalance\",\"time\":\"2024-12-31T22:00:00Z\",\"action\":\"entry_full\",\"reason\":\"buy ETH → short \\\"perps\\\" <now> & hedge, 0.25 é\",\"equity_sc\":100000}\n" +
            "{\"type\":\"funding\",\"time\":\"2024-12-31T23:00:00Z\",\"instrument\":\"binance:Perp:ETHUSDT\",\"rate\":0.0001,\"size\":-10.63089017758902,\"mark\":3764.35,\"payment_usdt\":-0}\n" +
            "{\"type\":\"atomic_group\",\"time\":\"2025-01-01T00:00:00Z\",\"name\":\"leverage_entry\",\"status\":\"executed\",\"reason\":\"target LTV\",\"health_factor_before\":null,\"health_factor_after\":1.0512,\"ltv_after\":0.9,\"gas_eth\":0.0012}\n",
            jsonl);
    }

    [Fact]
    public void Every_event_type_is_written_as_the_result_json_conventions_serialize_it()
    {
        var events = EventSamples.OneOfEach(NewYearsEve);

        var lines = Encoding.UTF8.GetString(ResultArtefacts.Events(events)).Split('\n');

        Assert.Equal(events.Count + 1, lines.Length);
        for (var i = 0; i < events.Count; i++)
        {
            Assert.Equal(JsonSerializer.Serialize(events[i], ResultJson.Compact), lines[i]);
        }
    }

    [Fact]
    public void Summary_json_lists_the_overrides_in_order_just_before_the_config_hash()
    {
        var result = ResultBuilder.Basis(2).Build();
        var summary = result.Summary with { Overrides = ["hedge_allocation={binance: 0.5, bybit: 0.5, okx: 0}", "margin_fraction=0.25", "seasonal_rewards.enabled=true"] };

        var json = ResultArtefacts.SummaryJson(summary);

        Assert.Contains(
            "  \"overrides\": [\n" +
            "    \"hedge_allocation={binance: 0.5, bybit: 0.5, okx: 0}\",\n" +
            "    \"margin_fraction=0.25\",\n" +
            "    \"seasonal_rewards.enabled=true\"\n" +
            "  ],\n" +
            "  \"config_hash\": \"cb93f0b7\",\n",
            json,
            StringComparison.Ordinal);
        Assert.Equal(summary.Overrides, ResultJson.ReadSummary(Encoding.UTF8.GetBytes(json)).Overrides);
    }

    [Fact]
    public void Summary_json_of_a_run_without_overrides_has_an_empty_list()
    {
        var json = ResultArtefacts.SummaryJson(ResultBuilder.Basis(2).Build().Summary);

        Assert.Contains("  \"overrides\": [],\n  \"config_hash\": \"cb93f0b7\",\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_summary_json_written_before_overrides_were_recorded_reads_as_none()
    {
        var json = ResultArtefacts.SummaryJson(ResultBuilder.Basis(2).Build().Summary).Replace("  \"overrides\": [],\n", string.Empty, StringComparison.Ordinal);

        var summary = ResultJson.ReadSummary(Encoding.UTF8.GetBytes(json));

        Assert.DoesNotContain("overrides", json, StringComparison.Ordinal);
        Assert.Empty(summary.Overrides);
    }

    [Fact]
    public void No_events_is_an_empty_file()
    {
        Assert.Empty(ResultArtefacts.Events([]));
    }
}
