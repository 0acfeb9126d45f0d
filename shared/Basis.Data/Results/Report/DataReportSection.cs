using System.Globalization;
using System.Text;
using System.Text.Json;
using Basis.Core.Market;
using Basis.Core.Results;

namespace Basis.Data.Results.Report;

/// <summary>What data the run read, and every hour a fallback series stood in for a stale one (highlighted).</summary>
internal static class DataReportSection
{
    public static void Append(StringBuilder html, DataReport report)
    {
        html.Append("<section id=\"data\">\n<h2>Data</h2>\n<p>Source: <span class=\"mono\">").Append(HtmlText.Escape(report.Source)).Append("</span></p>\n");
        var fallbackHours = report.FallbackHours;
        if (fallbackHours > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"warn\">Fallback series served {fallbackHours:N0} series-hours in total; the rows concerned are highlighted.</p>\n");
        }
        else
        {
            html.Append("<p class=\"note\">No fallback was needed: every hour came from its own series.</p>\n");
        }

        html.Append("<table>\n");
        HtmlTable.HeaderRow(html, ("Series", false), ("Use", false), ("Rows", true), ("First", false), ("Last", false), ("Fallback hours", false));
        html.Append("<tbody>\n");
        foreach (var series in report.Series)
        {
            var fallbacks = series.FallbackHours.Where(f => f.Value > 0).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
            html.Append(fallbacks.Count > 0 ? "<tr class=\"fallback\">" : "<tr>");
            HtmlTable.Cell(html, "<span class=\"mono\">" + HtmlText.Escape(series.Series.ToString()) + "</span>");
            HtmlTable.Cell(html, HtmlText.Escape(JsonNamingPolicy.SnakeCaseLower.ConvertName(series.Use.ToString())));
            HtmlTable.Cell(html, ReportFormat.Count(series.Rows), numeric: true);
            HtmlTable.Cell(html, series.FirstUtc is { } first ? ReportFormat.Time(first) : "none");
            HtmlTable.Cell(html, series.LastUtc is { } last ? ReportFormat.Time(last) : "none");
            var served = fallbacks.Count == 0
                ? "—"
                : string.Join("; ", fallbacks.Select(f => string.Create(CultureInfo.InvariantCulture, $"{HtmlText.Escape(f.Key)}: {f.Value:N0} h{Spans(series.FallbackSpans, f.Key)}")));
            HtmlTable.Cell(html, served);
            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n<p class=\"note\">Rows include the look-back read before the first hour. A fallback stands in, in order, for hours its series is stale: beyond its limit, or forward-filled while the fallback has a fresh value (docs/accounting.md, Prices and market data).</p>\n</section>\n");
    }

    /// <summary>The hours a fallback served, as UTC ranges (end exclusive).</summary>
    private static string Spans(IReadOnlyList<FallbackSpan>? spans, string fallback)
    {
        var ranges = (spans ?? []).Where(s => s.Fallback == fallback).Select(s => ReportFormat.Time(s.FromUtc) + " → " + ReportFormat.Time(s.ToUtc)).ToList();
        return ranges.Count == 0 ? string.Empty : " (" + HtmlText.Escape(string.Join(", ", ranges)) + ")";
    }
}
