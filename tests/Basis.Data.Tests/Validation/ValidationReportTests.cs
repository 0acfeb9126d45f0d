using Basis.Data.Validation;
using static Basis.Data.Tests.Validation.SyntheticFolder;

namespace Basis.Data.Tests.Validation;

public sealed class ValidationReportTests : IDisposable
{
    private readonly SyntheticFolder _data = new();

    public ValidationReportTests()
    {
        // Several series, each with a mix of errors, warnings and info.
        _data.Write("gas/ethereum", Hours(March, [.. Enumerable.Range(0, 10), .. Enumerable.Range(20, 10)]), (row, column) => row == 3 ? -1 : 5);
        _data.WriteRaw("gas/ethereum", 2024, 4, "timestamp,base_fee_gwei\n");
        _data.WriteRaw("oracle/aave/ETH-USD", 2024, 2, "timestamp,price\n2024-02-29T23:00:00Z,3000\n2024-03-01T00:00:00Z,3000\n");
        _data.Write("oracle/aave/ETH-USD", Hours(March, 0, 1, 2, 8, 9), 3000);
        _data.WriteRaw("oracle/aave/ETH-USD", 2024, 5, "timestamp,price\n");
        _data.Write("funding/bybit/BTCUSDT", Hours(March, 0, 8, 16, 24, 56, 64, 72), 0.0001);
        _data.WriteBars("spot/bybit/ETHUSDT", HourRange(March, 24));
    }

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Findings_are_the_same_whatever_the_parallelism_and_errors_come_first()
    {
        var parallel = DataValidator.Validate(_data.Root);
        var serial = DataValidator.Validate(_data.Root, new ValidationOptions { MaxDegreeOfParallelism = 1 });

        Assert.Equal(parallel.ToJson(), serial.ToJson());
        Assert.Equal(parallel.ToText(), serial.ToText());
        Assert.Equal(["funding/bybit/BTCUSDT", "gas/ethereum", "oracle/aave/ETH-USD", "spot/bybit/ETHUSDT"], parallel.Series.Select(s => s.Series));
        foreach (var series in parallel.Series)
        {
            var severities = series.Findings.Select(f => f.Severity).ToList();
            Assert.Equal(severities.Order(), severities);
        }

        Assert.Equal(
            [ValidationCheck.File, .. Enumerable.Repeat(ValidationCheck.Range, 4), ValidationCheck.Gap, ValidationCheck.Staleness],
            parallel.Series[1].Findings.Select(f => f.Check));
        Assert.Equal(
            [ValidationCheck.Month, ValidationCheck.Duplicate, ValidationCheck.Gap, ValidationCheck.Staleness, ValidationCheck.EmptyFile],
            parallel.Series[2].Findings.Select(f => f.Check));
    }

    [Fact]
    public void Json_is_snake_case_with_severity_as_text_and_reads_back()
    {
        var report = DataValidator.Validate(_data.Root);

        var json = report.ToJson();

        Assert.Contains("\"has_errors\": true", json, StringComparison.Ordinal);
        Assert.Contains("\"severity\": \"error\"", json, StringComparison.Ordinal);
        Assert.Contains("\"missing_months\": []", json, StringComparison.Ordinal);
        Assert.Contains("\"longest_interval_hours\": 11", json, StringComparison.Ordinal);
        Assert.Contains("\"at\": \"2024-03-01T10:00:00Z\"", json, StringComparison.Ordinal);
        Assert.Equal(json, ValidationReport.FromJson(json).ToJson());
    }

    [Fact]
    public void Counts_add_up_over_the_root_and_every_series()
    {
        var report = DataValidator.Validate(_data.Root);

        // Errors: gas 1 broken April file + 4 columns below 0 on row 3; oracle a row outside February + its duplicate.
        // Warnings: gas gap and staleness; oracle gap and staleness; funding one long interval. Info: oracle's empty May.
        Assert.Equal((7, 5, 1), (report.ErrorCount, report.WarningCount, report.InfoCount));
        Assert.Equal(7, report.MonthFiles);
        Assert.Equal(20 + 6 + 7 + 24, report.Rows);
    }

    [Fact]
    public void Text_has_a_coverage_line_and_findings_per_series_and_a_totals_line()
    {
        var text = DataValidator.Validate(_data.Root).ToText();
        var lines = text.Split('\n');

        Assert.Contains("gas/ethereum (hourly): 2024-03-01T00:00:00Z to 2024-03-02T05:00:00Z, 20 rows in 2 month files, no missing months, longest interval 11 h", lines);
        Assert.Contains("spot/bybit/ETHUSDT (hourly): 2024-03-01T00:00:00Z to 2024-03-01T23:00:00Z, 24 rows in 1 month file, no missing months, longest interval 1 h", lines);
        Assert.Contains("  ok", lines);
        Assert.Contains(lines, l => l.StartsWith("  ERROR   file           gas/ethereum/2024/04.csv:1: header is", StringComparison.Ordinal));
        Assert.Contains("      2024-03-01T10:00:00Z until 2024-03-01T20:00:00Z", lines);
        Assert.Equal("4 series, 7 month files, 57 rows: 7 errors, 5 warnings, 1 info", lines[^2]);
        Assert.Equal(string.Empty, lines[^1]);
    }
}
