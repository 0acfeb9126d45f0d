using System.Globalization;
using Basis.Core.Results;
using Spectre.Console;

namespace Basis.Server.Cli;

/// <summary>The readable summary a backtest prints: headline figures, attribution and costs, data fallbacks.</summary>
internal static class SummaryTable
{
    public static void Write(CliOutput output, BacktestSummary summary)
    {
        var unit = summary.ShareClass;
        var decimals = unit == "USDT" ? 2 : 6;
        string Amount(double value) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + unit;
        static string Percent(double? value) => value is { } v ? v.ToString("P2", CultureInfo.InvariantCulture) : "n/a";
        static string Ratio(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

        var figures = new Table().Title($"[bold]{Markup.Escape(summary.Mode)}[/] {summary.Start:yyyy-MM-dd HH:mm} → {summary.End:yyyy-MM-dd HH:mm} UTC")
            .AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned());
        figures.AddRow("Initial capital", Amount(summary.InitialCapital));
        figures.AddRow("Final equity", Amount(summary.FinalEquity));
        if (summary.NetFlows != 0)
        {
            figures.AddRow("Net deposits (− withdrawals)", Amount(summary.NetFlows));
            figures.AddRow("Profit", Amount(summary.Pnl));
        }

        figures.AddRow(summary.NetFlows == 0 ? "Total return" : "Total return (time-weighted)", Percent(summary.TotalReturn));
        figures.AddRow("APR / APY", $"{Percent(summary.Apr)} / {Percent(summary.Apy)}");
        figures.AddRow("Volatility", Percent(summary.Volatility));
        figures.AddRow("Sharpe / Sortino / Calmar", $"{Ratio(summary.Sharpe)} / {Ratio(summary.Sortino)} / {Ratio(summary.Calmar)}");
        figures.AddRow("Max drawdown", $"{Percent(summary.MaxDrawdown)} ({summary.MaxDrawdownDurationHours:N0} h under water)");
        figures.AddRow("Rebalances / trades / liquidations", $"{summary.Rebalances} / {summary.Trades} / {summary.Liquidations}");
        if (summary.BadDebt != 0)
        {
            figures.AddRow("Bad debt written off", Amount(summary.BadDebt));
        }
        if (summary.MinMarginRatio is { } margin)
        {
            figures.AddRow("Min margin ratio", Percent(margin));
        }

        if (summary.MinHealthFactor is { } healthFactor)
        {
            figures.AddRow("Min health factor / max LTV", $"{Ratio(healthFactor)} / {Percent(summary.MaxLtv)}");
        }

        if (summary.MaxAbsDelta is { } delta)
        {
            figures.AddRow("Max |net delta|", Percent(delta) + " of equity");
        }

        output.Console.Write(figures);

        var attribution = new Table().Title("Attribution").AddColumn("Source").AddColumn(new TableColumn(unit).RightAligned());
        foreach (var (source, amount) in summary.Attribution.Where(kv => kv.Value != 0))
        {
            attribution.AddRow(source, Amount(amount));
        }

        attribution.AddRow("[grey]residual[/]", "[grey]" + Markup.Escape(summary.AttributionResidual.ToString("E2", CultureInfo.InvariantCulture)) + "[/]");
        output.Console.Write(attribution);

        var fallbacks = summary.DataReport.Series.Where(s => s.FallbackHours.Count > 0).ToList();
        foreach (var series in fallbacks)
        {
            foreach (var (fallback, hours) in series.FallbackHours)
            {
                output.Line($"Data: {series.Series} was stale for {hours} h; {fallback} stood in (configured fallback).");
            }
        }
    }
}
