using System.Globalization;
using System.Text;
using Basis.Core.Time;

namespace Basis.Data.Results.Report;

/// <summary>
/// One chart over the hours of a run, as inline SVG: a title, a legend, value and date axes with grid lines,
/// then bands, lines and reference lines. Styling comes from the page's stylesheet (<see cref="ReportStyle"/>),
/// so the markup carries only geometry. Coordinates are rounded to 0.1 px, which is below what a screen shows
/// and keeps a year of lines small.
/// </summary>
internal sealed class SvgChart
{
    /// <summary>Points per line for a full-width chart: about two per pixel column of a ~900 px plot.</summary>
    public const int MaxPointsPerLine = 1500;

    private const double LeftMargin = 78;
    private const double RightMargin = 44;
    private const double BottomMargin = 22;
    private const double TitleHeight = 22;
    private const double LegendRowHeight = 17;

    // Average advance of an 11 px sans-serif glyph: enough to lay out legend entries without measuring text.
    private const double CharWidth = 6.3;

    private readonly string _title;
    private readonly HourGrid _grid;
    private readonly ValueFormat _format;
    private readonly double _width;
    private readonly double _plotHeight;
    private readonly List<ChartBand> _bands = [];
    private readonly List<ChartLine> _lines = [];
    private readonly List<ChartReference> _references = [];

    public SvgChart(string title, HourGrid grid, ValueFormat format, int width, int plotHeight)
    {
        _title = title;
        _grid = grid;
        _format = format;
        _width = width;
        _plotHeight = plotHeight;
    }

    /// <summary>Adds a line, downsampled to at most <paramref name="maxPoints"/> hours keeping each bucket's extremes.</summary>
    public SvgChart Line(string label, string color, double[] values, int maxPoints = MaxPointsPerLine, double strokeWidth = 1.4)
    {
        _lines.Add(new ChartLine(label, color, values, ExtremaDownsampler.Select([values], values.Length, maxPoints), strokeWidth));
        return this;
    }

    public SvgChart Line(ChartLine line)
    {
        _lines.Add(line);
        return this;
    }

    public SvgChart Band(ChartBand band)
    {
        _bands.Add(band);
        return this;
    }

    public SvgChart Reference(string label, string color, double value)
    {
        _references.Add(new ChartReference(label, color, value));
        return this;
    }

    /// <summary>Writes the chart's <c>&lt;svg&gt;</c> element to <paramref name="svg"/> (the page being written); returns it.</summary>
    public StringBuilder AppendTo(StringBuilder svg)
    {
        var legend = LayoutLegend();
        var legendRows = legend.Count == 0 ? 0 : legend[^1].Row + 1;
        var plot = new PlotArea(LeftMargin, TitleHeight + (legendRows * LegendRowHeight) + 8, _width - RightMargin, 0);
        plot = plot with { Bottom = plot.Top + _plotHeight };
        var height = plot.Bottom + BottomMargin;
        var (min, max) = ValueRange();
        var scale = ValueAxis.Scale(min, max, Math.Max(2, (int)(_plotHeight / 42)), _format);
        var lastHour = Math.Max(1, _grid.Hours - 1);
        double X(double hour) => plot.Left + (hour / lastHour * (plot.Right - plot.Left));
        double Y(double value) => plot.Bottom - ((value - scale.Min) / (scale.Max - scale.Min) * (plot.Bottom - plot.Top));

        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {Px(_width)} {Px(height)}\" role=\"img\">");
        svg.Append("<title>").Append(HtmlText.Escape(_title)).Append("</title>");
        svg.Append("<text class=\"title\" x=\"2\" y=\"15\">").Append(HtmlText.Escape(_title)).Append("</text>");
        AppendLegend(svg, legend);

        foreach (var tick in scale.Ticks)
        {
            var y = Px(Y(tick.Position));
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Px(plot.Left)}\" x2=\"{Px(plot.Right)}\" y1=\"{y}\" y2=\"{y}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Px(plot.Left - 6)}\" y=\"{Px(Y(tick.Position) + 4)}\" text-anchor=\"end\">{HtmlText.Escape(tick.Label)}</text>");
        }

        foreach (var tick in TimeAxis.Ticks(_grid, Math.Max(2, (int)((plot.Right - plot.Left) / 80))))
        {
            var x = Px(X(tick.Position));
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{x}\" x2=\"{x}\" y1=\"{Px(plot.Top)}\" y2=\"{Px(plot.Bottom)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{Px(plot.Bottom + 15)}\" text-anchor=\"middle\">{HtmlText.Escape(tick.Label)}</text>");
        }

        if (scale.Min < 0 && scale.Max > 0)
        {
            var zero = Px(Y(0));
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"zero\" x1=\"{Px(plot.Left)}\" x2=\"{Px(plot.Right)}\" y1=\"{zero}\" y2=\"{zero}\"/>");
        }

        var points = new List<(SvgCoordinate X, SvgCoordinate Y)>(MaxPointsPerLine + 16);
        foreach (var band in _bands)
        {
            svg.Append("<path fill=\"").Append(band.Color).Append("\" fill-opacity=\"0.8\" d=\"M");
            points.Clear();
            foreach (var hour in band.Hours)
            {
                points.Add((SvgCoordinate.Of(X(hour)), SvgCoordinate.Of(Y(band.Upper[hour]))));
            }

            AppendPoints(svg, points);
            svg.Append(' ');
            points.Clear();
            for (var i = band.Hours.Length - 1; i >= 0; i--)
            {
                var hour = band.Hours[i];
                points.Add((SvgCoordinate.Of(X(hour)), SvgCoordinate.Of(Y(band.Lower[hour]))));
            }

            AppendPoints(svg, points);
            svg.Append("Z\"/>");
        }

        foreach (var line in _lines)
        {
            svg.Append("<path fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\" stroke=\"").Append(line.Color)
                .Append(CultureInfo.InvariantCulture, $"\" stroke-width=\"{Px(line.StrokeWidth)}\" d=\"");
            AppendSegments(svg, line, points, X, Y);
            svg.Append("\"/>");
        }

        foreach (var reference in _references)
        {
            var y = Px(Y(reference.Value));
            svg.Append(CultureInfo.InvariantCulture, $"<line stroke=\"{reference.Color}\" stroke-dasharray=\"6 4\" x1=\"{Px(plot.Left)}\" x2=\"{Px(plot.Right)}\" y1=\"{y}\" y2=\"{y}\"/>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"axis\" fill=\"none\" d=\"M{Px(plot.Left)},{Px(plot.Top)}V{Px(plot.Bottom)}H{Px(plot.Right)}\"/>");
        return svg.Append("</svg>");
    }

    /// <summary>"0.#" with invariant culture, never "-0" (see <see cref="SvgCoordinate"/>).</summary>
    private static string Px(double value) => SvgCoordinate.Of(value).ToString();

    /// <summary>
    /// Writes x,y pairs separated by spaces (after an M, SVG reads further pairs as line-to). A point whose
    /// rounded y equals both neighbours' lies on a flat run and is dropped: lossless at 0.1 px, and it shrinks
    /// step-shaped series (position sizes, fees) to their corners.
    /// </summary>
    private static void AppendPoints(StringBuilder svg, List<(SvgCoordinate X, SvgCoordinate Y)> points)
    {
        var written = 0;
        for (var i = 0; i < points.Count; i++)
        {
            var flat = i > 0 && i < points.Count - 1
                && points[i].Y == points[i - 1].Y && points[i].Y == points[i + 1].Y;
            if (flat)
            {
                continue;
            }

            if (written++ > 0)
            {
                svg.Append(' ');
            }

            points[i].X.AppendTo(svg);
            svg.Append(',');
            points[i].Y.AppendTo(svg);
        }
    }

    /// <summary>One sub-path per finite run; a lone finite hour becomes a dot (a zero-length segment with round caps).</summary>
    private static void AppendSegments(StringBuilder svg, ChartLine line, List<(SvgCoordinate X, SvgCoordinate Y)> segment, Func<double, double> x, Func<double, double> y)
    {
        segment.Clear();
        void Flush()
        {
            if (segment.Count == 0)
            {
                return;
            }

            svg.Append('M');
            AppendPoints(svg, segment);
            if (segment.Count == 1)
            {
                svg.Append("h0");
            }

            segment.Clear();
        }

        foreach (var hour in line.Hours)
        {
            var value = line.Values[hour];
            if (double.IsFinite(value))
            {
                segment.Add((SvgCoordinate.Of(x(hour)), SvgCoordinate.Of(y(value))));
            }
            else
            {
                Flush();
            }
        }

        Flush();
    }

    private (double Min, double Max) ValueRange()
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        void Include(double value)
        {
            if (double.IsFinite(value))
            {
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }
        }

        foreach (var band in _bands)
        {
            foreach (var hour in band.Hours)
            {
                Include(band.Lower[hour]);
                Include(band.Upper[hour]);
            }
        }

        foreach (var line in _lines)
        {
            foreach (var hour in line.Hours)
            {
                Include(line.Values[hour]);
            }
        }

        foreach (var reference in _references)
        {
            Include(reference.Value);
        }

        return (min, max);
    }

    private List<LegendEntry> LayoutLegend()
    {
        var entries = new List<LegendEntry>();
        var x = 2.0;
        var row = 0;
        void Add(string label, string color, LegendMark mark)
        {
            var width = 18 + (label.Length * CharWidth) + 14;
            if (x > 2 && x + width > _width)
            {
                row++;
                x = 2;
            }

            entries.Add(new LegendEntry(label, color, mark, x, row));
            x += width;
        }

        foreach (var band in _bands)
        {
            Add(band.Label, band.Color, LegendMark.Box);
        }

        foreach (var line in _lines)
        {
            Add(line.Label, line.Color, LegendMark.Line);
        }

        foreach (var reference in _references)
        {
            Add(reference.Label, reference.Color, LegendMark.Dashed);
        }

        // A single entry's legend would only repeat the title.
        return entries.Count == 1 ? [] : entries;
    }

    private static void AppendLegend(StringBuilder svg, List<LegendEntry> legend)
    {
        foreach (var entry in legend)
        {
            var y = TitleHeight + (entry.Row * LegendRowHeight) + 8;
            switch (entry.Mark)
            {
                case LegendMark.Box:
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Px(entry.X)}\" y=\"{Px(y - 9)}\" width=\"12\" height=\"10\" fill=\"{entry.Color}\" fill-opacity=\"0.8\"/>");
                    break;
                default:
                    var dash = entry.Mark == LegendMark.Dashed ? " stroke-dasharray=\"4 3\"" : string.Empty;
                    svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Px(entry.X)}\" x2=\"{Px(entry.X + 13)}\" y1=\"{Px(y - 4)}\" y2=\"{Px(y - 4)}\" stroke=\"{entry.Color}\" stroke-width=\"2\"{dash}/>");
                    break;
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Px(entry.X + 18)}\" y=\"{Px(y)}\">{HtmlText.Escape(entry.Label)}</text>");
        }
    }

    private enum LegendMark
    {
        Box,
        Line,
        Dashed,
    }

    private sealed record LegendEntry(string Label, string Color, LegendMark Mark, double X, int Row);

    private sealed record PlotArea(double Left, double Top, double Right, double Bottom);
}
