using Basis.Core.Market;
using Basis.Data.Validation;
using static Basis.Data.Tests.Validation.SyntheticFolder;

namespace Basis.Data.Tests.Validation;

public sealed class DataValidatorTests : IDisposable
{
    private readonly SyntheticFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void A_clean_data_set_has_no_findings_above_info()
    {
        var spotStart = new DateTime(2024, 1, 30, 0, 0, 0, DateTimeKind.Utc);
        _data.WriteBars("spot/binance/BTCUSDT", HourRange(spotStart, 72));
        _data.Write("funding/binance/BTCUSDT", Hours(March, [.. Enumerable.Range(0, 20).Select(i => i * 8)]), 0.0001);
        _data.Write("aave/ethereum/USDT", HourRange(March, 48), (row, column) => column < 2 ? 1 + (row * 1e-5) : 0.05);
        _data.Write("benchmark/ethena/sUSDe", Hours(March, [.. Enumerable.Range(0, 10).Select(d => d * 24)]), 0.1);
        _data.Write("rewards/etherfi/EIGEN", Hours(March, [.. Enumerable.Range(0, 5).Select(w => w * 168)]),
            (row, column) => column switch { 0 => ToUnix(March.AddDays((7 * row) - 7)), 1 => ToUnix(March.AddDays(7 * row)), 2 => 0.18, _ => 0 });
        _data.Write("gas/ethereum", HourRange(March, 24), 12);

        var report = DataValidator.Validate(_data.Root);

        Assert.Equal(6, report.Series.Count);
        Assert.All(report.Series.SelectMany(s => s.Findings), f => Assert.Equal(ValidationSeverity.Info, f.Severity));
        Assert.Empty(report.Findings);
        Assert.False(report.HasErrors);
        var spot = Series(report, "spot/binance/BTCUSDT");
        Assert.Equal(spotStart, spot.Coverage.First);
        Assert.Equal(spotStart.AddHours(71), spot.Coverage.Last);
        Assert.Equal(72, spot.Coverage.Rows);
        Assert.Equal(2, spot.Coverage.MonthFiles);
        Assert.Empty(spot.Coverage.MissingMonths);
        Assert.Equal(1, spot.Coverage.LongestIntervalHours);
    }

    [Fact]
    public void Each_broken_file_is_an_error_naming_its_line_and_the_other_files_are_still_read()
    {
        const string oracle = "oracle/aave/ETH-USD";
        _data.Write(oracle, HourRange(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), 24), 3000);
        _data.WriteRaw(oracle, 2024, 2, "timestamp,px\n2024-02-01T00:00:00Z,3000\n");
        _data.WriteRaw(oracle, 2024, 3, "timestamp,price\n2024-03-01T00:00:00Z,3000\n2024-03-01T01:00:00Z,abc\n");
        _data.WriteRaw(oracle, 2024, 4, "timestamp,price\n2024-04-01T00:00:00Z,3000,1\n");
        _data.WriteRaw(oracle, 2024, 5, "timestamp,price\n2024-05-01T01:00:00Z,3000\n2024-05-01T01:00:00Z,3001\n");

        var series = Series(DataValidator.Validate(_data.Root), oracle);

        var files = series.Findings.Where(f => f.Check == ValidationCheck.File).ToList();
        Assert.All(files, f => Assert.Equal(ValidationSeverity.Error, f.Severity));
        Assert.Equal(
            [("oracle/aave/ETH-USD/2024/02.csv", 1), ("oracle/aave/ETH-USD/2024/03.csv", 3), ("oracle/aave/ETH-USD/2024/04.csv", 2), ("oracle/aave/ETH-USD/2024/05.csv", 3)],
            files.Select(f => (f.File, f.Line ?? 0)));
        Assert.Contains("header is 'timestamp,px'", files[0].Message, StringComparison.Ordinal);
        Assert.Contains("'abc' is not a finite number", files[1].Message, StringComparison.Ordinal);
        Assert.Contains("found more", files[2].Message, StringComparison.Ordinal);
        Assert.Contains("strictly increasing", files[3].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_data.Root, files[0].Message, StringComparison.Ordinal);
        Assert.Equal(24, series.Coverage.Rows);
        Assert.Equal(5, series.Coverage.MonthFiles);
    }

    [Fact]
    public void A_gap_left_by_an_unreadable_file_says_so()
    {
        _data.Write("gas/ethereum", HourRange(new DateTime(2024, 2, 29, 23, 0, 0, DateTimeKind.Utc), 1), 5);
        _data.WriteRaw("gas/ethereum", 2024, 3, "not a header\n");
        _data.Write("gas/ethereum", HourRange(new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc), 1), 5);

        var gap = Single(DataValidator.Validate(_data.Root), "gas/ethereum", ValidationCheck.Gap);

        Assert.Equal(31 * 24, gap.Count); // all of March
        Assert.EndsWith("some lie in month files that could not be read", gap.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_outside_its_month_is_an_error_at_its_line()
    {
        _data.WriteRaw("oracle/aave/ETH-USD", 2024, 1,
            "timestamp,price\n2024-01-31T22:00:00Z,3000\n2024-01-31T23:00:00Z,3000\n2024-02-01T00:00:00Z,3000\n");

        var finding = Single(DataValidator.Validate(_data.Root), "oracle/aave/ETH-USD", ValidationCheck.Month);

        Assert.Equal(ValidationSeverity.Error, finding.Severity);
        Assert.Equal(("oracle/aave/ETH-USD/2024/01.csv", 4), (finding.File, finding.Line));
        Assert.Equal(1, finding.Count);
        Assert.Equal([new ValidationExample(new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc))], finding.Examples);
    }

    [Fact]
    public void A_timestamp_repeated_in_the_next_month_file_is_a_duplicate_and_counted_once()
    {
        const string oracle = "oracle/aave/ETH-USD";
        _data.WriteRaw(oracle, 2024, 2, "timestamp,price\n2024-02-29T23:00:00Z,3000\n2024-03-01T00:00:00Z,3001\n");
        _data.Write(oracle, HourRange(March, 3), 3002);

        var report = DataValidator.Validate(_data.Root);

        var duplicate = Single(report, oracle, ValidationCheck.Duplicate);
        Assert.Equal(ValidationSeverity.Error, duplicate.Severity);
        Assert.Equal(("oracle/aave/ETH-USD/2024/03.csv", 2), (duplicate.File, duplicate.Line));
        Assert.Equal(1, duplicate.Count);
        Assert.Contains("oracle/aave/ETH-USD/2024/02.csv:3", duplicate.Message, StringComparison.Ordinal);
        Assert.Equal(ValidationSeverity.Error, Single(report, oracle, ValidationCheck.Month).Severity);
        Assert.Equal(4, Series(report, oracle).Coverage.Rows); // 23:00 from February, 00:00 to 02:00 from March
    }

    [Fact]
    public void Missing_hours_are_merged_into_ranges_with_their_total()
    {
        // Rows at hours 0-9, 15-20 and 30: hours 10-14 (5) and 21-29 (9) are missing, 14 in 2 ranges.
        _data.Write("gas/ethereum", Hours(March, [.. Enumerable.Range(0, 10), .. Enumerable.Range(15, 6), 30]), 10);

        var gap = Single(DataValidator.Validate(_data.Root), "gas/ethereum", ValidationCheck.Gap);

        Assert.Equal(ValidationSeverity.Warning, gap.Severity);
        Assert.Equal(14, gap.Count);
        Assert.Equal([new(March.AddHours(10), March.AddHours(15)), new ValidationExample(March.AddHours(21), March.AddHours(30))], gap.Examples);
        Assert.StartsWith("14 missing hours in 2 ranges", gap.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_days_of_a_daily_series_are_a_gap_in_days()
    {
        // Days 0, 1, 2, 5, 6: days 3 and 4 are missing.
        _data.Write("benchmark/ethena/sUSDe", Hours(March, 0, 24, 48, 120, 144), 0.1);

        var gap = Single(DataValidator.Validate(_data.Root), "benchmark/ethena/sUSDe", ValidationCheck.Gap);

        Assert.Equal(2, gap.Count);
        Assert.Equal([new ValidationExample(March.AddDays(3), March.AddDays(5))], gap.Examples);
        Assert.StartsWith("2 missing days in 1 range", gap.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_funding_interval_longer_than_one_and_a_half_median_intervals_is_a_gap()
    {
        // Ten rows 8 h apart, one 32 h interval, three more 8 h intervals: median 8 h, limit 12 h, so one
        // interval is long and round(32 / 8) - 1 = 3 events are missing.
        int[] hours = [.. Enumerable.Range(0, 10).Select(i => i * 8), 104, 112, 120, 128];
        _data.Write("funding/okx/ETHUSDT", Hours(March, hours), 0.0001);

        var gap = Single(DataValidator.Validate(_data.Root), "funding/okx/ETHUSDT", ValidationCheck.Gap);

        Assert.Equal(ValidationSeverity.Warning, gap.Severity);
        Assert.Equal(1, gap.Count);
        Assert.Equal([new ValidationExample(March.AddHours(72), March.AddHours(104))], gap.Examples);
        Assert.Contains("median interval of 8 h, about 3 events missing", gap.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Series(DataValidator.Validate(_data.Root), "funding/okx/ETHUSDT").Findings, f => f.Check == ValidationCheck.Staleness);
    }

    [Fact]
    public void Rows_off_the_hourly_or_daily_grid_are_errors()
    {
        _data.WriteRaw("oracle/aave/ETH-USD", 2024, 3,
            "timestamp,price\n2024-03-01T00:00:00Z,3000\n2024-03-01T01:00:00Z,3000\n2024-03-01T01:30:00Z,3000\n2024-03-01T02:00:00Z,3000\n");
        _data.WriteRaw("benchmark/ethena/sUSDe", 2024, 3, "timestamp,apy\n2024-03-01T00:00:00Z,0.1\n2024-03-02T12:00:00Z,0.1\n");

        var report = DataValidator.Validate(_data.Root);

        var hourly = Single(report, "oracle/aave/ETH-USD", ValidationCheck.Cadence);
        Assert.Equal((ValidationSeverity.Error, 1, 4), (hourly.Severity, hourly.Count, hourly.Line ?? 0));
        Assert.Equal([new ValidationExample(March.AddMinutes(90))], hourly.Examples);
        var daily = Single(report, "benchmark/ethena/sUSDe", ValidationCheck.Cadence);
        Assert.Equal((ValidationSeverity.Error, 1, 3), (daily.Severity, daily.Count, daily.Line ?? 0));
        Assert.DoesNotContain(Series(report, "oracle/aave/ETH-USD").Findings, f => f.Check == ValidationCheck.Gap);
    }

    [Fact]
    public void Values_outside_a_columns_limits_are_errors_per_column_with_examples()
    {
        // Columns: base_fee_gwei, p25, p50, p75. Base fee negative on rows 1 and 3; p50 above 10,000 gwei on row 2.
        _data.Write("gas/ethereum", HourRange(March, 5), (row, column) => (row, column) switch
        {
            (1, 0) => -1,
            (3, 0) => -0.5,
            (2, 2) => 20_000,
            _ => 5,
        });

        var findings = Series(DataValidator.Validate(_data.Root), "gas/ethereum").Findings.Where(f => f.Check == ValidationCheck.Range).ToList();

        Assert.Equal(2, findings.Count);
        Assert.Equal(ValidationSeverity.Error, findings[0].Severity);
        Assert.Equal((2, 3), (findings[0].Count, findings[0].Line ?? 0));
        Assert.Equal([new(March.AddHours(1), null, -1), new ValidationExample(March.AddHours(3), null, -0.5)], findings[0].Examples);
        Assert.Contains("base_fee_gwei outside its possible range (at least 0 and at most 10000", findings[0].Message, StringComparison.Ordinal);
        Assert.Equal((1, 4), (findings[1].Count, findings[1].Line ?? 0));
        Assert.Equal([new ValidationExample(March.AddHours(2), null, 20_000)], findings[1].Examples);
    }

    [Fact]
    public void Example_lists_stop_at_the_configured_number()
    {
        _data.Write("gas/ethereum", HourRange(March, 10), -1);

        var report = DataValidator.Validate(_data.Root, new ValidationOptions { MaxExamples = 3 });

        Assert.All(
            Series(report, "gas/ethereum").Findings.Where(f => f.Check == ValidationCheck.Range),
            f => Assert.Equal((10, 3), (f.Count, f.Examples.Count)));
    }

    [Fact]
    public void An_index_that_falls_is_an_error_counting_each_fall()
    {
        // liquidity_index 1.0, 1.1, 1.05, 1.2, 1.19: falls at rows 2 and 4.
        double[] index = [1.0, 1.1, 1.05, 1.2, 1.19];
        _data.Write("aave/ethereum/USDT", HourRange(March, 5), (row, column) => column == 0 ? index[row] : column == 1 ? 1 : 0.05);

        var finding = Single(DataValidator.Validate(_data.Root), "aave/ethereum/USDT", ValidationCheck.NonDecreasing);

        Assert.Equal((ValidationSeverity.Error, 2, 4), (finding.Severity, finding.Count, finding.Line ?? 0));
        Assert.Equal([new(March.AddHours(2), null, 1.05), new ValidationExample(March.AddHours(4), null, 1.19)], finding.Examples);
        Assert.StartsWith("liquidity_index falls 2 times", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bars_whose_low_or_high_does_not_bracket_open_and_close_are_errors()
    {
        // Good bars are low 99, open 100, close 100.5, high 101.5 (+ row). Row 1: low 101.2 > min(101, 101.5).
        // Row 3: high 103.2 < max(103, 103.5).
        _data.Write("perp/binance/ETHUSDT", HourRange(March, 5), (row, column) => (row, column) switch
        {
            (1, 2) => 101.2,
            (3, 1) => 103.2,
            (_, 0) => 100 + row,
            (_, 1) => 101.5 + row,
            (_, 2) => 99 + row,
            (_, 3) => 100.5 + row,
            _ => 10,
        });

        var findings = Series(DataValidator.Validate(_data.Root), "perp/binance/ETHUSDT").Findings.Where(f => f.Check == ValidationCheck.Ohlc).ToList();

        Assert.Equal(2, findings.Count);
        Assert.Equal((ValidationSeverity.Error, 1, 3), (findings[0].Severity, findings[0].Count, findings[0].Line ?? 0));
        Assert.StartsWith("1 bar with low above min(open, close)", findings[0].Message, StringComparison.Ordinal);
        Assert.Equal([new ValidationExample(March.AddHours(1), null, 101.2)], findings[0].Examples);
        Assert.Equal((1, 5), (findings[1].Count, findings[1].Line ?? 0));
        Assert.Equal([new ValidationExample(March.AddHours(3), null, 103.2)], findings[1].Examples);
    }

    [Fact]
    public void A_stretch_without_rows_longer_than_the_staleness_limit_lists_the_hours_a_run_would_fail()
    {
        // Oracle limit 3 h. Rows 0-5 then 12: hours 6-11 have no row; the 5:00 value is too old from 9:00
        // (age 4 h > 3 h) until the 12:00 row, so 3 hours fail. Rows 20 then 24 leave 3 hours without a row,
        // exactly the limit: no hour fails.
        _data.Write("oracle/aave/ETH-USD", Hours(March, 0, 1, 2, 3, 4, 5, 12, 13, 14, 15, 16, 17, 18, 19, 20, 24), 3000);

        var report = DataValidator.Validate(_data.Root);

        var stale = Single(report, "oracle/aave/ETH-USD", ValidationCheck.Staleness);
        Assert.Equal(ValidationSeverity.Warning, stale.Severity);
        Assert.Equal(3, stale.Count);
        Assert.Equal([new ValidationExample(March.AddHours(9), March.AddHours(12))], stale.Examples);
        Assert.Contains("a run over these 3 hours would fail without a fallback", stale.Message, StringComparison.Ordinal);
        Assert.Equal(9, Single(report, "oracle/aave/ETH-USD", ValidationCheck.Gap).Count); // 6 + 3 missing hours
    }

    [Fact]
    public void Daily_staleness_counts_the_hours_past_the_limit()
    {
        // Benchmark limit 26 h. Rows on days 0 and 3: the day-0 value is too old from 27:00 until 72:00, 45 hours.
        _data.Write("benchmark/ethena/sUSDe", Hours(March, 0, 72), 0.1);

        var stale = Single(DataValidator.Validate(_data.Root), "benchmark/ethena/sUSDe", ValidationCheck.Staleness);

        Assert.Equal(45, stale.Count);
        Assert.Equal([new ValidationExample(March.AddHours(27), March.AddHours(72))], stale.Examples);
    }

    [Fact]
    public void Coverage_lists_the_months_without_a_file_between_the_first_and_last()
    {
        _data.Write("gas/ethereum", HourRange(new DateTime(2024, 1, 31, 23, 0, 0, DateTimeKind.Utc), 1), 5);
        _data.Write("gas/ethereum", HourRange(new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc), 2), 5);

        var coverage = Series(DataValidator.Validate(_data.Root), "gas/ethereum").Coverage;

        Assert.Equal(["2024-02", "2024-03"], coverage.MissingMonths);
        Assert.Equal(2, coverage.MonthFiles);
        Assert.Equal(3, coverage.Rows);
    }

    [Fact]
    public void A_window_and_a_series_list_restrict_what_is_read()
    {
        _data.WriteRaw("gas/ethereum", 2024, 2, "broken");
        _data.Write("gas/ethereum", HourRange(March, 48), 5);
        _data.WriteBars("spot/binance/BTCUSDT", HourRange(March, 5));

        var report = DataValidator.Validate(_data.Root, new ValidationOptions
        {
            Series = [SeriesId.Parse("gas/ethereum")],
            FromUtc = March.AddHours(10),
            ToUtc = March.AddHours(20),
        });

        var gas = Assert.Single(report.Series);
        Assert.Equal("gas/ethereum", gas.Series);
        Assert.Empty(gas.Findings);
        Assert.Equal((10, 1), (gas.Coverage.Rows, gas.Coverage.MonthFiles));
        Assert.Equal(March.AddHours(10), gas.Coverage.First);
        Assert.Equal(March.AddHours(19), gas.Coverage.Last);
    }

    [Fact]
    public void A_requested_series_without_files_is_an_error()
    {
        _data.Write("gas/ethereum", HourRange(March, 2), 5);

        var report = DataValidator.Validate(_data.Root, new ValidationOptions { Series = [SeriesId.Parse("perp/okx/BTCUSDT")] });

        var finding = Single(report, "perp/okx/BTCUSDT", ValidationCheck.MissingSeries);
        Assert.Equal(ValidationSeverity.Error, finding.Severity);
        Assert.True(report.HasErrors);
    }

    [Fact]
    public void A_folder_without_series_is_an_error_and_csv_files_outside_the_layout_are_a_warning()
    {
        _data.WriteOther("perps/binance/BTCUSDT/2024/01.csv", "timestamp,open\n");

        var report = DataValidator.Validate(_data.Root);

        Assert.Empty(report.Series);
        Assert.Equal(
            [(ValidationSeverity.Error, ValidationCheck.Layout, (string?)null), (ValidationSeverity.Warning, ValidationCheck.Layout, "perps/binance/BTCUSDT/2024/01.csv")],
            report.Findings.Select(f => (f.Severity, f.Check, f.File)));
        Assert.True(report.HasErrors);
    }

    [Fact]
    public void A_month_file_named_without_its_leading_zero_is_reported_as_a_file_no_reader_opens()
    {
        _data.WriteOther("gas/ethereum/2024/1.csv", "timestamp,base_fee_gwei,priority_fee_p25_gwei,priority_fee_p50_gwei,priority_fee_p75_gwei\n");
        _data.Write("gas/ethereum", HourRange(March, 2), 5);

        var report = DataValidator.Validate(_data.Root);

        var stray = Assert.Single(report.Findings);
        Assert.Equal(ValidationCheck.Layout, stray.Check);
        Assert.Equal("gas/ethereum/2024/1.csv", stray.File);
        Assert.Contains("no reader opens it", stray.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_only_file_is_info()
    {
        _data.WriteRaw("oracle/aave/ETH-USD", 2024, 3, "timestamp,price\n");

        var finding = Single(DataValidator.Validate(_data.Root), "oracle/aave/ETH-USD", ValidationCheck.EmptyFile);

        Assert.Equal(ValidationSeverity.Info, finding.Severity);
    }

    [Fact]
    public void A_window_that_is_not_utc_or_is_empty_is_refused()
    {
        Assert.Throws<ArgumentException>(() => DataValidator.Validate(_data.Root, new ValidationOptions { FromUtc = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Local) }));
        Assert.Throws<ArgumentException>(() => DataValidator.Validate(_data.Root, new ValidationOptions { FromUtc = March, ToUtc = March }));
        Assert.Throws<DirectoryNotFoundException>(() => DataValidator.Validate(Path.Combine(_data.Root, "absent")));
    }

    private static SeriesValidation Series(ValidationReport report, string id) => Assert.Single(report.Series, s => s.Series == id);

    private static ValidationFinding Single(ValidationReport report, string id, string check) =>
        Assert.Single(Series(report, id).Findings, f => f.Check == check);

    private static double ToUnix(DateTime utc) => Core.Time.UnixTime.ToSeconds(utc);
}
