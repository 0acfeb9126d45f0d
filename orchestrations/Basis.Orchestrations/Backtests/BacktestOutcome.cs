using System.Text.Json;
using Basis.Core.Results;
using Basis.Data.Results;

namespace Basis.Orchestrations.Backtests;

/// <summary>
/// The output of a <c>Backtest</c> orchestration: the run and every numeric figure of its <c>summary.json</c> by
/// its snake_case name (<c>apy</c>, <c>sharpe</c>, <c>max_drawdown</c>…), which is what a sweep ranks by.
/// </summary>
public sealed record BacktestOutcome(string RunId, string Mode, IReadOnlyDictionary<string, double?> Metrics)
{
    /// <summary>The figures of a summary; absent ones (e.g. min_health_factor without debt) are null.</summary>
    public static BacktestOutcome From(BacktestSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new BacktestOutcome(summary.RunId, summary.Mode, FiguresOf(ResultArtefacts.SummaryJson(summary)));
    }

    /// <summary>Every numeric figure of a <c>summary.json</c> by name (nulls included).</summary>
    public static IReadOnlyDictionary<string, double?> FiguresOf(string summaryJson)
    {
        using var json = JsonDocument.Parse(summaryJson);
        var metrics = new SortedDictionary<string, double?>(StringComparer.Ordinal);
        foreach (var property in json.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Number)
            {
                metrics[property.Name] = property.Value.GetDouble();
            }
            else if (property.Value.ValueKind == JsonValueKind.Null)
            {
                metrics[property.Name] = null;
            }
        }

        return metrics;
    }
}
