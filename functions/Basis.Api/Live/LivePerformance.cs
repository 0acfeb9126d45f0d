using System.Text.Json;
using Basis.Live.Ledger;

namespace Basis.Api.Live;

/// <summary>One cycle of an instance's equity curve: equity (share-class units) and its drawdown from the high-water mark (0.05 = 5 %).</summary>
public sealed record LivePerformancePoint(DateTimeOffset CycleUtc, decimal Equity, decimal Drawdown);

/// <summary>
/// An instance's performance from its recorded cycles, in its share class: the equity series with drawdowns, the first and last equity,
/// the largest and the current drawdown (fractions of the high-water mark), and P&amp;L by source since the start.
/// </summary>
public sealed record LivePerformance(
    string ShareClass,
    IReadOnlyList<LivePerformancePoint> Series,
    decimal? StartEquity,
    decimal? EndEquity,
    decimal MaxDrawdown,
    decimal CurrentDrawdown,
    IReadOnlyDictionary<string, decimal> PnlBySource)
{
    /// <summary>
    /// Computes it from the ledger's equity rows (oldest first). Each row's attribution is cumulative since the start (as
    /// the runtime records it), so the last row's is the P&amp;L by source.
    /// </summary>
    public static LivePerformance From(string shareClass, IReadOnlyList<LedgerEquity> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var series = new List<LivePerformancePoint>(rows.Count);
        decimal peak = 0, maxDrawdown = 0;
        foreach (var row in rows)
        {
            peak = Math.Max(peak, row.Equity);
            var drawdown = peak > 0 ? (peak - row.Equity) / peak : 0;
            maxDrawdown = Math.Max(maxDrawdown, drawdown);
            series.Add(new LivePerformancePoint(row.CycleUtc, row.Equity, drawdown));
        }

        return new LivePerformance(
            shareClass,
            series,
            rows.Count > 0 ? rows[0].Equity : null,
            rows.Count > 0 ? rows[^1].Equity : null,
            maxDrawdown,
            series.Count > 0 ? series[^1].Drawdown : 0,
            rows.Count > 0 ? Attribution(rows[^1].AttributionJson) : new Dictionary<string, decimal>());
    }

    private static Dictionary<string, decimal> Attribution(string json)
    {
        using var document = JsonDocument.Parse(json);
        var sources = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var source in document.RootElement.EnumerateObject())
            {
                if (source.Value.ValueKind == JsonValueKind.Number && source.Value.TryGetDecimal(out var amount))
                {
                    sources[source.Name] = amount;
                }
            }
        }

        return sources;
    }
}
