using System.Text;
using Basis.Core.Results;

namespace Basis.Data.Results.Report;

/// <summary>
/// Small multiples: one chart per position (quantity in underlying units), grouped by position type, and one per
/// column no naming rule knows. One chart per position rather than one per type, because a type mixes units
/// (the wallet's USDT and its few ETH of gas would share an axis and the ETH would be a flat line at zero).
/// </summary>
internal static class PositionCharts
{
    private const int Width = 470;
    private const int PlotHeight = 110;

    // A small multiple is ~400 px wide: 600 points is still more than one per pixel column.
    private const int MaxPoints = 600;

    public static void Append(StringBuilder html, Timeseries timeseries, TimeseriesLayout layout)
    {
        if (layout.Positions.Count > 0)
        {
            html.Append("<section id=\"chart-positions\">\n<h3>Positions (quantity in underlying units; perps as signed size)</h3>\n");
            foreach (var group in layout.Positions.GroupBy(TypeOf, StringComparer.Ordinal))
            {
                html.Append("<h4>").Append(HtmlText.Escape(group.Key)).Append("</h4>\n<div class=\"multiples\">\n");
                foreach (var key in group)
                {
                    AppendSmall(html, timeseries, key, key, ChartPalette.Color(2));
                }

                html.Append("</div>\n");
            }

            html.Append("</section>\n");
        }

        if (layout.Others.Count > 0)
        {
            html.Append("<section id=\"chart-other\">\n<h3>Other series</h3>\n<div class=\"multiples\">\n");
            foreach (var column in layout.Others)
            {
                AppendSmall(html, timeseries, column, column, ChartPalette.Color(9));
            }

            html.Append("</div>\n</section>\n");
        }
    }

    private static void AppendSmall(StringBuilder html, Timeseries timeseries, string column, string title, string colour)
    {
        var values = timeseries.Column(column);
        html.Append("<figure>");
        if (values.Any(double.IsFinite))
        {
            new SvgChart(title, timeseries.Grid, ValueFormat.Number, Width, PlotHeight)
                .Line(column, colour, values, MaxPoints)
                .AppendTo(html);
        }
        else
        {
            html.Append("<figcaption class=\"note\">").Append(HtmlText.Escape(title)).Append(": no finite value to draw.</figcaption>");
        }

        html.Append("</figure>\n");
    }

    /// <summary>The middle segment of <c>venue:type:symbol</c>.</summary>
    private static string TypeOf(string positionKey) => positionKey.Split(':')[1];
}
