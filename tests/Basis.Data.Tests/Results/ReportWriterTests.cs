using System.Text;
using System.Text.RegularExpressions;
using Basis.Core.Events;
using Basis.Core.Market;
using Basis.Core.Results;
using Basis.Data.Results;

namespace Basis.Data.Tests.Results;

public sealed partial class ReportWriterTests
{
    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    [Fact]
    public void A_stressed_run_says_so_in_the_header_and_a_run_with_flows_reports_profit_net_of_them()
    {
        var result = ResultBuilder.Basis(240).Build();
        var summary = result.Summary with { Scenario = ["weETH depegs 5% <b>now</b>"], NetFlows = 50_000, Pnl = result.Summary.FinalEquity - result.Summary.InitialCapital - 50_000 };

        var html = ReportWriter.Render(result with { Summary = summary });

        Assert.Contains("Stress scenario", html, StringComparison.Ordinal);
        Assert.Contains("weETH depegs 5% &lt;b&gt;now&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Net deposits (− withdrawals)", html, StringComparison.Ordinal);
        Assert.Contains("Profit (final − initial − net flows)", html, StringComparison.Ordinal);
        Assert.Contains("Total return (time-weighted)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_header_lists_the_runs_overrides_escaped_and_in_order()
    {
        var result = ResultBuilder.Basis(100).Build();
        var summary = result.Summary with { Overrides = ["hedge_allocation={binance: 0.5, bybit: 0.5, okx: 0}", "description=<b>\"mine\" & 'yours'</b>"] };

        var html = ReportWriter.Render(result with { Summary = summary });

        Assert.Contains(
            "<tr><th scope=\"row\">Overrides</th><td><span class=\"mono\">hedge_allocation={binance: 0.5, bybit: 0.5, okx: 0}</span><br>" +
            "<span class=\"mono\">description=&lt;b&gt;&quot;mine&quot; &amp; &#39;yours&#39;&lt;/b&gt;</span></td></tr>",
            html,
            StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_without_overrides_says_none()
    {
        var html = ReportWriter.Render(ResultBuilder.Basis(100).Build());

        Assert.Contains("<tr><th scope=\"row\">Overrides</th><td>none</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_needs_no_network_and_no_script()
    {
        var html = ReportWriter.Render(ResultBuilder.Basis(2_160).Build());

        // The only URI allowed is the SVG namespace, which browsers never fetch.
        var withoutNamespace = html.Replace(SvgNamespace, string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", withoutNamespace, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", withoutNamespace, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void No_number_is_written_as_NaN_or_infinity()
    {
        var html = ReportWriter.Render(ResultBuilder.Lending(500).Build());

        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", html, StringComparison.Ordinal);
        Assert.DoesNotContain("∞", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_basis_run_charts_equity_attribution_margin_delta_and_positions_but_no_aave_risk()
    {
        var html = ReportWriter.Render(ResultBuilder.Basis(500).Build());

        foreach (var id in new[] { "chart-equity", "chart-attribution", "chart-margin-ratio", "chart-net-delta", "chart-positions" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("id=\"chart-health-factor\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"chart-ltv\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"chart-other\"", html, StringComparison.Ordinal);
        Assert.Contains(">binance ETHUSDT<", html, StringComparison.Ordinal);
        Assert.Contains(">okx:Perp:ETHUSDT<", html, StringComparison.Ordinal);
        Assert.Contains("<h4>Perp</h4>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lending_run_charts_health_factor_and_ltv_but_no_margin_ratio_or_delta()
    {
        var html = ReportWriter.Render(ResultBuilder.Lending(500).Build());

        Assert.Contains("id=\"chart-health-factor\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-ltv\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"chart-margin-ratio\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"chart-net-delta\"", html, StringComparison.Ordinal);

        // No debt: the health factor is +∞ at every hour, so it is explained rather than drawn.
        Assert.Contains("the health factor is infinite throughout", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finite_health_factor_is_drawn_with_the_liquidation_line_and_its_infinite_hours_are_gaps()
    {
        var builder = ResultBuilder.Lending(500);
        var result = builder.Build();
        var healthFactor = builder.Values("health_factor");
        for (var h = 100; h < 400; h++)
        {
            healthFactor[h] = 1.2 + (h % 7 * 0.01);
        }

        var html = ReportWriter.Render(ResultWithColumn(builder, result));
        var figure = Figure(html, "chart-health-factor");

        Assert.Contains("liquidation (HF = 1)", figure, StringComparison.Ordinal);
        Assert.Contains("infinite health factor) are gaps", figure, StringComparison.Ordinal);

        // One sub-path: the finite hours 100–399 only.
        var line = PathData(figure).Single(d => !d.EndsWith('Z'));
        Assert.Equal(1, line.Count(c => c == 'M'));
    }

    [Fact]
    public void A_column_no_naming_rule_knows_is_charted_under_other_series()
    {
        var result = ResultBuilder.Basis(300).Column("net_flow", h => h * 2.0).Build();

        var html = ReportWriter.Render(result);

        Assert.Contains("id=\"chart-other\"", html, StringComparison.Ordinal);
        Assert.Contains(">net_flow<", Figure(html, "chart-other"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_timeseries_with_only_equity_still_renders_and_skips_the_rest()
    {
        var builder = new ResultBuilder(200);
        builder.Walk("equity", 100_000, 5);
        builder.Column("drawdown", _ => 0);
        foreach (var source in ResultBuilder.Sources)
        {
            builder.Column(source, _ => 0);
        }

        var result = builder.Build();
        var onlyEquity = result with { Timeseries = Timeseries.FromColumns(result.Timeseries.Grid, ["equity"], [builder.Values("equity")]) };

        var html = ReportWriter.Render(onlyEquity);

        Assert.Contains("id=\"chart-equity\"", html, StringComparison.Ordinal);
        foreach (var id in new[] { "chart-attribution", "chart-health-factor", "chart-ltv", "chart-margin-ratio", "chart-net-delta", "chart-positions", "chart-other" })
        {
            Assert.DoesNotContain($"id=\"{id}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Strings_from_data_and_configuration_are_escaped()
    {
        var builder = ResultBuilder.Basis(100);
        builder.Mode = "<script>alert('mode')</script>";
        builder.DataReport = new DataReport("data & <b>more</b>", [
            new SeriesReport(SeriesId.Parse("spot/binance/ETHUSDT"), SeriesUse.Level, 100, ResultBuilder.Start, null, new Dictionary<string, int> { ["spot/<i>bybit</i>/ETHUSDT"] = 3 }),
        ]);
        builder.Event(new RebalanceEvent(ResultBuilder.Start, "entry_<full>", "because <script>alert(\"reason\")</script> & more", 100_000));

        var html = ReportWriter.Render(builder.Build());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;mode&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("because &lt;script&gt;alert(&quot;reason&quot;)&lt;/script&gt; &amp; more", html, StringComparison.Ordinal);
        Assert.Contains("entry_&lt;full&gt;", html, StringComparison.Ordinal);
        Assert.Contains("data &amp; &lt;b&gt;more&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_result_gives_the_same_bytes()
    {
        var result = ResultBuilder.Basis(1_000).Build();
        using var folder = new TemporaryFolder();

        ReportWriter.Write(folder.Combine("a.html"), result);
        ReportWriter.Write(folder.Combine("b.html"), result);

        Assert.Equal(ReportWriter.Render(result), ReportWriter.Render(result));
        Assert.Equal(File.ReadAllBytes(folder.Combine("a.html")), File.ReadAllBytes(folder.Combine("b.html")));
        Assert.Equal(Encoding.UTF8.GetBytes(ReportWriter.Render(result)), File.ReadAllBytes(folder.Combine("a.html")));
    }

    [Fact]
    public void The_run_time_is_left_out_so_identical_runs_give_identical_pages()
    {
        var result = ResultBuilder.Basis(100).Build();

        var slower = result with { Summary = result.Summary with { ElapsedMs = 12_345 } };

        Assert.Equal(ReportWriter.Render(result), ReportWriter.Render(slower));
    }

    [Fact]
    public void A_one_year_hourly_run_stays_under_1_5_MB_with_at_most_1_500_points_a_line()
    {
        var result = ResultBuilder.Basis(8_760).Build();

        var html = ReportWriter.Render(result);

        var bytes = Encoding.UTF8.GetByteCount(html);
        Assert.True(bytes < 1_500_000, $"report.html is {bytes:N0} bytes");
        foreach (var d in PathData(html))
        {
            // A band is two edges of at most 1,500 points each; a line is at most 1,500 (+ a few gap edges).
            var points = d.Count(c => c == ',');
            Assert.True(points <= (d.EndsWith('Z') ? 3_000 : 1_510), $"a path of {points} points");
        }
    }

    [Fact]
    public void A_one_hour_drawdown_in_a_year_survives_downsampling()
    {
        var builder = ResultBuilder.Basis(8_760);
        var result = builder.Build();
        var drawdown = builder.Values("drawdown");
        Array.Fill(drawdown, -0.001);

        // One hour at -50%: the axis (ticks every 20%) only reaches -40% if that hour is among those drawn.
        drawdown[5_001] = -0.5;

        var figure = Figure(ReportWriter.Render(ResultWithColumn(builder, result)), "chart-equity");

        Assert.Contains(">-40%<", figure, StringComparison.Ordinal);
    }

    [Fact]
    public void Amounts_use_the_share_class_decimals_and_ratios_are_percent()
    {
        var usdt = ReportWriter.Render(ResultBuilder.Basis(100).Build());
        var ethBuilder = ResultBuilder.Basis(100);
        ethBuilder.ShareClass = "ETH";
        var eth = ReportWriter.Render(ethBuilder.Build());

        Assert.Contains(">100,000.00 USDT<", usdt, StringComparison.Ordinal);
        Assert.Contains(">4.80 USDT<", usdt, StringComparison.Ordinal);
        Assert.Contains(">4.802373 ETH<", eth, StringComparison.Ordinal);

        // Min margin ratio 0.1502774 → 15.03%; APR 0.05 → 5.00%; a null Sortino and health factor → n/a.
        Assert.Contains(">15.03%<", usdt, StringComparison.Ordinal);
        Assert.Contains(">5.00%<", usdt, StringComparison.Ordinal);
        Assert.Matches("Sortino</th><td class=\"num\">n/a<", usdt);
        Assert.Matches("Min health factor</th><td class=\"num\">n/a<", usdt);
    }

    [Fact]
    public void The_attribution_table_gives_each_source_its_share_of_the_equity_change()
    {
        var builder = ResultBuilder.Basis(100);
        var result = builder.Build();
        var attribution = new Dictionary<string, double>(result.Summary.Attribution)
        {
            ["funding"] = 1_200,
            ["price"] = 0,
            ["basis"] = 0,
            ["trading_fees"] = -200,
        };

        // P&L = 101,000 − 100,000 = 1,000: funding 1,200 is 120.00%, fees −200 are −20.00%.
        var html = ReportWriter.Render(result with { Summary = result.Summary with { Attribution = attribution, FinalEquity = 101_000, Pnl = 1_000 } });

        Assert.Matches(@"funding</th><td class=""num"">1,200\.00</td><td class=""num"">120\.00%</td>", html);
        Assert.Matches(@"trading_fees</th><td class=""num neg"">-200\.00</td><td class=""num neg"">-20\.00%</td>", html);
        Assert.Contains("Residual (unexplained)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Hours_served_by_a_fallback_are_highlighted()
    {
        var builder = ResultBuilder.Basis(100);
        builder.DataReport = new DataReport("data", [
            new SeriesReport(SeriesId.Parse("spot/binance/ETHUSDT"), SeriesUse.Level, 100, ResultBuilder.Start, ResultBuilder.Start.AddHours(99), new Dictionary<string, int> { ["spot/bybit/ETHUSDT"] = 17 }),
            new SeriesReport(SeriesId.Parse("funding/binance/ETHUSDT"), SeriesUse.Events, 12, ResultBuilder.Start, ResultBuilder.Start.AddHours(96), new Dictionary<string, int>()),
        ]);

        var html = ReportWriter.Render(builder.Build());

        Assert.Contains("<tr class=\"fallback\"><td><span class=\"mono\">spot/binance/ETHUSDT</span>", html, StringComparison.Ordinal);
        Assert.Contains("spot/bybit/ETHUSDT: 17 h", html, StringComparison.Ordinal);
        Assert.Contains("Fallback series served 17 series-hours", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td><span class=\"mono\">funding/binance/ETHUSDT</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_are_counted_by_their_events_jsonl_type_and_rebalances_are_listed_up_to_200()
    {
        var builder = ResultBuilder.Basis(300);
        for (var i = 0; i < 250; i++)
        {
            builder.Event(new RebalanceEvent(ResultBuilder.Start.AddHours(i), "exit_partial", $"decision {i}", 100_000));
        }

        builder.Event(new FundingEvent(ResultBuilder.Start, "binance:Perp:ETHUSDT", 1e-4, -10, 3_300, 3.3));

        var html = ReportWriter.Render(builder.Build());

        Assert.Matches("<th scope=\"row\">rebalance</th><td class=\"num\">250</td>", html);
        Assert.Matches("<th scope=\"row\">funding</th><td class=\"num\">1</td>", html);
        Assert.Contains("Showing the first 200 of 250 decisions", html, StringComparison.Ordinal);
        Assert.Contains(">decision 199<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">decision 200<", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_results_folder_gets_a_report_beside_the_other_files()
    {
        var result = ResultBuilder.Basis(100).Build();
        using var folder = new TemporaryFolder();

        var written = ResultWriter.Write(folder.Path, result);

        Assert.Equal([ResultFiles.Summary, ResultFiles.Timeseries, ResultFiles.Events, ResultFiles.Report], written.Select(System.IO.Path.GetFileName));
        Assert.Equal(ReportWriter.Render(result), File.ReadAllText(folder.Combine(ResultFiles.Report)));
    }

    /// <summary>The result with the builder's (edited) column arrays, rebuilt into a timeseries.</summary>
    private static BacktestResult ResultWithColumn(ResultBuilder builder, BacktestResult result)
    {
        var columns = result.Timeseries.Columns;
        return result with { Timeseries = Timeseries.FromColumns(result.Timeseries.Grid, columns, [.. columns.Select(builder.Values)]) };
    }

    private static string Figure(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no element with id {id}");
        var end = html.IndexOf("</figure>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    private static IEnumerable<string> PathData(string html) =>
        PathDataPattern().Matches(html).Select(m => m.Groups[1].Value).Where(d => d.StartsWith('M') && d.Contains(' ', StringComparison.Ordinal));

    [GeneratedRegex("<path [^>]*d=\"([^\"]*)\"")]
    private static partial Regex PathDataPattern();

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("basis-report-").FullName;

        public string Combine(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
