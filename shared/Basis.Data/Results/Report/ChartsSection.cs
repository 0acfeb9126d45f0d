using System.Text;
using Basis.Core.Results;

namespace Basis.Data.Results.Report;

/// <summary>
/// The charts: equity with its drawdown, attribution over time, then whatever risk measures and positions the
/// run's timeseries holds (see <see cref="TimeseriesLayout"/>). A chart whose columns are absent is left out.
/// </summary>
internal static class ChartsSection
{
    private const int Width = 960;

    public static void Append(StringBuilder html, BacktestResult result, TimeseriesLayout layout)
    {
        var timeseries = result.Timeseries;
        html.Append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        AppendEquity(html, result, layout);
        AppendAttribution(html, result, layout);
        AppendHealthFactor(html, timeseries, layout);
        AppendLtv(html, timeseries, layout);
        AppendMarginRatios(html, timeseries, layout);
        AppendNetDelta(html, timeseries, layout);
        PositionCharts.Append(html, timeseries, layout);
        html.Append("</section>\n");
    }

    private static void AppendEquity(StringBuilder html, BacktestResult result, TimeseriesLayout layout)
    {
        if (layout.Equity is null && layout.Drawdown is null)
        {
            return;
        }

        var timeseries = result.Timeseries;
        var summary = result.Summary;
        Open(html, "chart-equity");
        if (layout.Equity is { } equityColumn)
        {
            new SvgChart($"Equity ({summary.ShareClass})", timeseries.Grid, ValueFormat.Number, Width, 230)
                .Line("equity", ChartPalette.Color(0), timeseries.Column(equityColumn), strokeWidth: 1.6)
                .Reference("initial capital", ChartPalette.Muted, summary.InitialCapital)
                .AppendTo(html).Append('\n');
        }

        if (layout.Drawdown is { } drawdownColumn)
        {
            var drawdown = timeseries.Column(drawdownColumn);
            var hours = ExtremaDownsampler.Select([drawdown], drawdown.Length, SvgChart.MaxPointsPerLine);
            new SvgChart("Drawdown from the running peak", timeseries.Grid, ValueFormat.Percent, Width, 100)
                .Band(new ChartBand("drawdown", ChartPalette.Loss, drawdown, new double[drawdown.Length], hours))
                .AppendTo(html).Append('\n');
        }

        Close(html, null);
    }

    /// <summary>
    /// Cumulative P&amp;L by source as a signed stack (<see cref="SignedStack"/>): gains above zero, losses below,
    /// each band as high as its source, with the net drawn over them. Bands share one set of hours, chosen to keep
    /// the extremes of the stack's top and bottom edges and of the net.
    /// </summary>
    private static void AppendAttribution(StringBuilder html, BacktestResult result, TimeseriesLayout layout)
    {
        if (layout.Sources.Count == 0)
        {
            return;
        }

        var timeseries = result.Timeseries;
        var length = timeseries.Grid.Hours;
        var colours = result.Summary.Attribution.Keys.Select((source, i) => (source, i)).ToDictionary(p => p.source, p => ChartPalette.Color(p.i), StringComparer.Ordinal);
        var drawn = new List<(string Source, double[] Values)>();
        var silent = new List<string>();
        foreach (var source in layout.Sources)
        {
            var values = timeseries.Column(source);
            if (values.Any(v => v != 0 && double.IsFinite(v)))
            {
                drawn.Add((source, values));
            }
            else
            {
                silent.Add(source);
            }
        }

        Open(html, "chart-attribution");
        var chart = new SvgChart($"Attribution: cumulative P&L by source ({result.Summary.ShareClass})", timeseries.Grid, ValueFormat.Number, Width, 260);
        var net = new double[length];
        var gains = new double[length];
        var losses = new double[length];
        foreach (var (_, values) in drawn)
        {
            for (var h = 0; h < length; h++)
            {
                var value = double.IsFinite(values[h]) ? values[h] : 0;
                net[h] += value;
                gains[h] += Math.Max(value, 0);
                losses[h] += Math.Min(value, 0);
            }
        }

        var hours = ExtremaDownsampler.Select([gains, losses, net], length, SvgChart.MaxPointsPerLine);
        var layers = SignedStack.Build([.. drawn.Select(d => d.Values)], length);
        for (var i = 0; i < drawn.Count; i++)
        {
            chart.Band(new ChartBand(drawn[i].Source, colours[drawn[i].Source], layers[i].Lower, layers[i].Upper, hours));
        }

        chart.Line(new ChartLine("net (Σ sources)", ChartPalette.Ink, net, hours, 1.6));
        chart.AppendTo(html).Append('\n');
        var note = "Gains are stacked above zero and losses below, so each band is as high as its source; the line is their sum.";
        if (silent.Count > 0)
        {
            note += " Zero throughout, not drawn: " + string.Join(", ", silent) + ".";
        }

        Close(html, note);
    }

    private static void AppendHealthFactor(StringBuilder html, Timeseries timeseries, TimeseriesLayout layout)
    {
        if (layout.HealthFactor is not { } column)
        {
            return;
        }

        var healthFactor = timeseries.Column(column);
        Open(html, "chart-health-factor");
        var finite = healthFactor.Count(double.IsFinite);
        if (finite == 0)
        {
            html.Append("<h3>AAVE health factor</h3>\n");
            Close(html, "No debt at any hour: the health factor is infinite throughout, so there is nothing to draw.");
            return;
        }

        new SvgChart("AAVE health factor", timeseries.Grid, ValueFormat.Number, Width, 190)
            .Line("health factor", ChartPalette.Color(0), healthFactor)
            .Reference("liquidation (HF = 1)", ChartPalette.Loss, 1)
            .AppendTo(html).Append('\n');
        Close(html, finite < healthFactor.Length ? "Hours without debt (infinite health factor) are gaps." : null);
    }

    private static void AppendLtv(StringBuilder html, Timeseries timeseries, TimeseriesLayout layout)
    {
        if (layout.Ltv is not { } column)
        {
            return;
        }

        Open(html, "chart-ltv");
        new SvgChart("AAVE loan-to-value", timeseries.Grid, ValueFormat.Percent, Width, 150)
            .Line("LTV", ChartPalette.Color(1), timeseries.Column(column))
            .AppendTo(html).Append('\n');
        Close(html, null);
    }

    private static void AppendMarginRatios(StringBuilder html, Timeseries timeseries, TimeseriesLayout layout)
    {
        if (layout.MarginRatios.Count == 0)
        {
            return;
        }

        Open(html, "chart-margin-ratio");
        var chart = new SvgChart("Perp margin ratio by venue", timeseries.Grid, ValueFormat.Percent, Width, 190);
        var gaps = false;
        for (var i = 0; i < layout.MarginRatios.Count; i++)
        {
            var column = layout.MarginRatios[i];
            var values = timeseries.Column(column);
            gaps |= values.Any(v => !double.IsFinite(v));
            // Venues managed alike can have near-identical ratios; wider lines underneath keep each one visible.
            chart.Line(MarginRatioLabel(column), ChartPalette.Color(i), values, strokeWidth: 1.2 + (0.9 * (layout.MarginRatios.Count - 1 - i)));
        }

        chart.AppendTo(html).Append('\n');
        Close(html, "(venue USDT + unrealised P&L) ÷ (|size| × mark)." + (gaps ? " Hours without a position (infinite ratio) are gaps." : string.Empty));
    }

    private static void AppendNetDelta(StringBuilder html, Timeseries timeseries, TimeseriesLayout layout)
    {
        if (layout.NetDelta is not { } column)
        {
            return;
        }

        Open(html, "chart-net-delta");
        new SvgChart("Net delta (units of the mode's asset)", timeseries.Grid, ValueFormat.Number, Width, 150)
            .Line("net delta", ChartPalette.Color(4), timeseries.Column(column))
            .AppendTo(html).Append('\n');
        Close(html, null);
    }

    /// <summary><c>margin_ratio_binance_ETHUSDT</c> → <c>binance ETHUSDT</c> (the symbol has no underscore; a venue may).</summary>
    private static string MarginRatioLabel(string column)
    {
        var rest = column[TimeseriesLayout.MarginRatioPrefix.Length..];
        var split = rest.LastIndexOf('_');
        return split > 0 ? rest[..split] + " " + rest[(split + 1)..] : rest;
    }

    internal static void Open(StringBuilder html, string id) =>
        html.Append("<figure id=\"").Append(id).Append("\">\n");

    internal static void Close(StringBuilder html, string? note)
    {
        if (note is not null)
        {
            html.Append("<figcaption class=\"note\">").Append(HtmlText.Escape(note)).Append("</figcaption>\n");
        }

        html.Append("</figure>\n");
    }
}
