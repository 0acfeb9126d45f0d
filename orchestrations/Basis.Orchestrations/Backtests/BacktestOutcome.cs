using System.Collections.Frozen;
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

    /// <summary>
    /// The names of the numeric figures every <c>summary.json</c> has (what a sweep can rank by): the summary's numeric
    /// properties under their JSON names.
    /// </summary>
    public static IReadOnlySet<string> FigureNames { get; } = typeof(BacktestSummary).GetProperties()
        .Where(p => Nullable.GetUnderlyingType(p.PropertyType) is { } inner ? IsNumber(inner) : IsNumber(p.PropertyType))
        .Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name))
        .ToFrozenSet(StringComparer.Ordinal);

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

    private static bool IsNumber(Type type) => type == typeof(double) || type == typeof(int) || type == typeof(long);
}
