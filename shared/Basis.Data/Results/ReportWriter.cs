using System.Text;
using Basis.Core.Results;
using Basis.Data.Results.Report;

namespace Basis.Data.Results;

/// <summary>
/// Writes <c>report.html</c> (DESIGN §7): one self-contained page with the summary, the attribution, charts, the
/// data report and the rebalance decisions. Self-contained means it opens from a file with no network: one inline
/// stylesheet, inline SVG, no script, font, image or link to fetch (a Content-Security-Policy says so to the
/// browser too). Every string from data or configuration is HTML-escaped. Output is deterministic: the same result
/// gives the same bytes. <c>elapsed_ms</c> is left out so that two identical runs give identical pages.
/// </summary>
public static class ReportWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The page for <paramref name="result"/>.</summary>
    public static string Render(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var summary = result.Summary;
        var layout = TimeseriesLayout.Of(result.Timeseries, summary.Attribution.Keys);
        var html = new StringBuilder(512 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlText.Escape($"{summary.Mode} · {summary.RunId}")).Append("</title>\n")
            .Append("<style>\n").Append(ReportStyle.Css).Append("\n</style>\n</head>\n<body>\n");
        HeaderSection.Append(html, summary);
        SummarySection.Append(html, summary, layout);
        AttributionSection.Append(html, summary);
        ChartsSection.Append(html, result, layout);
        DataReportSection.Append(html, summary.DataReport);
        EventsSection.Append(html, result.Events, summary.ShareClass);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Writes the page to <paramref name="path"/> (UTF-8 without a byte-order mark).</summary>
    public static void Write(string path, BacktestResult result) => File.WriteAllText(path, Render(result), Utf8);
}
