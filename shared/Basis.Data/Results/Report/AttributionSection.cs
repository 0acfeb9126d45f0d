using System.Globalization;
using System.Text;
using Basis.Core.Results;

namespace Basis.Data.Results.Report;

/// <summary>Where the P&amp;L came from: each source's total, its share of the equity change, and the residual.</summary>
internal static class AttributionSection
{
    public static void Append(StringBuilder html, BacktestSummary summary)
    {
        var unit = summary.ShareClass;
        var pnl = summary.Pnl;
        string Share(double amount) => pnl == 0 ? ReportFormat.NotAvailable : ReportFormat.Percent(amount / pnl);

        html.Append("<section id=\"attribution\">\n<h2>Attribution</h2>\n<table>\n");
        HtmlTable.HeaderRow(html, ("Source", false), ("Total (" + unit + ")", true), ("Share of P&L", true));
        html.Append("<tbody>\n");
        var index = 0;
        var sum = 0.0;
        foreach (var (source, amount) in summary.Attribution)
        {
            sum += amount;
            html.Append("<tr><th scope=\"row\"><span class=\"swatch\" style=\"background:").Append(ChartPalette.Color(index++)).Append("\"></span>")
                .Append(HtmlText.Escape(source)).Append("</th>");
            HtmlTable.Cell(html, ReportFormat.Amount(amount, unit), numeric: true, negative: amount < 0);
            HtmlTable.Cell(html, Share(amount), numeric: true, negative: amount < 0);
            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n<tfoot>\n");
        Row(html, "Σ sources", ReportFormat.Amount(sum, unit), Share(sum), sum < 0);

        // The residual is floating-point error (~1e-11): at the table's decimals it is 0, so its size is shown too.
        var residual = summary.AttributionResidual;
        Row(html, "Residual (unexplained)", ReportFormat.Amount(residual, unit) + " (" + residual.ToString("0.##E+0", CultureInfo.InvariantCulture) + ")", Share(residual), false);
        Row(html, summary.NetFlows == 0 ? "Equity change (final − initial)" : "Profit (final − initial − net flows)", ReportFormat.Amount(pnl, unit), pnl == 0 ? ReportFormat.NotAvailable : "100.00%", pnl < 0);
        html.Append("</tfoot>\n</table>\n");
        html.Append("<p class=\"note\">Share of P&amp;L = source ÷ (final − initial equity). Costs have negative shares; shares above 100% mean other sources lost money. ")
            .Append("See docs/accounting.md for how each source is computed.</p>\n</section>\n");
    }

    private static void Row(StringBuilder html, string label, string amount, string share, bool negative)
    {
        html.Append("<tr><th scope=\"row\">").Append(HtmlText.Escape(label)).Append("</th>");
        HtmlTable.Cell(html, HtmlText.Escape(amount), numeric: true, negative);
        HtmlTable.Cell(html, HtmlText.Escape(share), numeric: true, negative);
        html.Append("</tr>\n");
    }
}
