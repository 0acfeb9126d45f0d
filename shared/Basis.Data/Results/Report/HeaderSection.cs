using System.Globalization;
using System.Text;
using Basis.Core.Results;

namespace Basis.Data.Results.Report;

/// <summary>What ran: mode, share class, period and the identifiers that reproduce it.</summary>
internal static class HeaderSection
{
    public static void Append(StringBuilder html, BacktestSummary summary)
    {
        var hours = (long)(summary.End - summary.Start).TotalHours;
        html.Append("<header>\n<h1>Backtest: ").Append(HtmlText.Escape(summary.Mode)).Append("</h1>\n<table>\n<tbody>\n");
        HtmlTable.KeyValueRow(html, "Mode", HtmlText.Escape(summary.Mode));
        HtmlTable.KeyValueRow(html, "Share class", HtmlText.Escape(summary.ShareClass));
        HtmlTable.KeyValueRow(html, "Period", string.Create(
            CultureInfo.InvariantCulture,
            $"{ReportFormat.Time(summary.Start)} → {ReportFormat.Time(summary.End)} UTC (end exclusive): {hours:N0} hours, {hours / 24.0:0.#} days"));
        HtmlTable.KeyValueRow(html, "Run id", Mono(summary.RunId));
        HtmlTable.KeyValueRow(html, "Engine version", Mono(summary.EngineVersion));
        HtmlTable.KeyValueRow(html, "Config hash", Mono(summary.ConfigHash));
        HtmlTable.KeyValueRow(html, "Overrides", summary.Overrides.Count == 0 ? "none" : string.Join("<br>", summary.Overrides.Select(Mono)));
        if (summary.Scenario.Count > 0)
        {
            // A stressed run is not history: say so where nobody can miss it.
            HtmlTable.KeyValueRow(html, "Stress scenario", "<strong>" + string.Join("<br>", summary.Scenario.Select(HtmlText.Escape)) + "</strong>");
        }

        html.Append("</tbody>\n</table>\n</header>\n");
        html.Append("<nav><a href=\"#summary\">Summary</a><a href=\"#attribution\">Attribution</a><a href=\"#charts\">Charts</a><a href=\"#data\">Data</a><a href=\"#events\">Events</a></nav>\n");
    }

    private static string Mono(string text) => "<span class=\"mono\">" + HtmlText.Escape(text) + "</span>";
}
