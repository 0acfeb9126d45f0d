using System.Globalization;
using System.Text;
using Basis.Core.Results;

namespace Basis.Data.Results.Report;

/// <summary>The headline figures of <c>summary.json</c>, for people: amounts in the share class, ratios as percent.</summary>
internal static class SummarySection
{
    public static void Append(StringBuilder html, BacktestSummary summary, TimeseriesLayout layout)
    {
        var unit = summary.ShareClass;
        string Amount(double value) => HtmlText.Escape(ReportFormat.Amount(value, unit) + " " + unit);
        var pnl = summary.Pnl;

        html.Append("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n");

        Card(html, "Performance", rows =>
        {
            rows.Add(("Initial capital", Amount(summary.InitialCapital), false));
            rows.Add(("Final equity", Amount(summary.FinalEquity), false));
            if (summary.NetFlows != 0)
            {
                rows.Add(("Net deposits (− withdrawals)", Amount(summary.NetFlows), false));
            }

            rows.Add(("Profit and loss", Amount(pnl), pnl < 0));
            rows.Add((summary.NetFlows == 0 ? "Total return" : "Total return (time-weighted)", ReportFormat.Percent(summary.TotalReturn), summary.TotalReturn < 0));
            rows.Add(("APR", ReportFormat.Percent(summary.Apr), summary.Apr < 0));
            rows.Add(("APY", ReportFormat.Percent(summary.Apy), summary.Apy < 0));
            rows.Add(("Volatility (annualised)", ReportFormat.Percent(summary.Volatility), false));
            rows.Add(("Sharpe", ReportFormat.Ratio(summary.Sharpe, 2), summary.Sharpe < 0));
            rows.Add(("Sortino", ReportFormat.Ratio(summary.Sortino, 2), summary.Sortino < 0));
            rows.Add(("Calmar", ReportFormat.Ratio(summary.Calmar, 2), summary.Calmar < 0));
            rows.Add(("Max drawdown", ReportFormat.Percent(summary.MaxDrawdown), false));
            rows.Add(("Longest drawdown", string.Create(CultureInfo.InvariantCulture, $"{summary.MaxDrawdownDurationHours:N0} h ({summary.MaxDrawdownDurationHours / 24.0:0.#} days)"), false));
        });

        Card(html, "Costs and activity", rows =>
        {
            var costs = summary.Costs;
            rows.Add(("Trading fees", Amount(costs.TradingFees), false));
            rows.Add(("Slippage", Amount(costs.Slippage), false));
            rows.Add(("Gas", Amount(costs.Gas), false));
            rows.Add(("Total costs", Amount(costs.TradingFees + costs.Slippage + costs.Gas), false));
            rows.Add(("Funding received", Amount(summary.FundingReceived), summary.FundingReceived < 0));
            rows.Add(("Rebalances", ReportFormat.Count(summary.Rebalances), false));
            rows.Add(("Trades", ReportFormat.Count(summary.Trades), false));
            rows.Add(("Liquidations", ReportFormat.Count(summary.Liquidations), summary.Liquidations > 0));
            if (summary.BadDebt != 0)
            {
                rows.Add(("Bad debt written off", Amount(summary.BadDebt), true));
            }
        });

        Card(html, "Risk", rows =>
        {
            rows.Add(("Min health factor", ReportFormat.Ratio(summary.MinHealthFactor, 3), summary.MinHealthFactor < 1.05));

            // summary.json reports 0 for a mode without AAVE positions; here "n/a" says there was nothing to measure.
            rows.Add(("Max LTV", layout.Ltv is null ? ReportFormat.NotAvailable : ReportFormat.Percent(summary.MaxLtv), false));
            rows.Add(("Min margin ratio", ReportFormat.Percent(summary.MinMarginRatio), false));
            rows.Add(("Max |net delta| (of equity)", ReportFormat.Percent(summary.MaxAbsDelta), false));
        });

        html.Append("</div>\n");
        html.Append("<p class=\"note\">Amounts in ").Append(HtmlText.Escape(unit)).Append("; n/a where a figure is undefined for the run (no debt, no perp, no volatility).</p>\n</section>\n");
    }

    private static void Card(StringBuilder html, string title, Action<List<(string Label, string ValueHtml, bool Negative)>> fill)
    {
        var rows = new List<(string Label, string ValueHtml, bool Negative)>();
        fill(rows);
        html.Append("<div>\n<h3>").Append(HtmlText.Escape(title)).Append("</h3>\n<table>\n<tbody>\n");
        foreach (var (label, value, negative) in rows)
        {
            HtmlTable.KeyValueRow(html, label, value, numeric: true, negative);
        }

        html.Append("</tbody>\n</table>\n</div>\n");
    }
}
