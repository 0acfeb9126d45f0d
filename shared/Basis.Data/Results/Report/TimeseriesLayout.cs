using Basis.Core.Results;

namespace Basis.Data.Results.Report;

/// <summary>
/// What a run's timeseries holds, read from its column names by the rules of <c>timeseries.csv</c>: fixed names
/// for equity, drawdown, residual and the AAVE and delta measures, the attribution sources by the summary's
/// names, <c>margin_ratio_{venue}_{symbol}</c> per perp, and position keys (<c>venue:type:symbol</c>). The report
/// charts what is there; a column no rule knows (a measure added later) is charted on its own under "other".
/// </summary>
/// <param name="Equity">The equity column, if present.</param>
/// <param name="Drawdown">The drawdown column, if present.</param>
/// <param name="Sources">Attribution source columns, in the summary's reporting order.</param>
/// <param name="HealthFactor">The AAVE health factor column, if present.</param>
/// <param name="Ltv">The AAVE loan-to-value column, if present.</param>
/// <param name="NetDelta">The net delta column, if present.</param>
/// <param name="MarginRatios">Margin ratio columns, one per perp.</param>
/// <param name="Positions">Position quantity columns.</param>
/// <param name="Others">Columns no rule recognises.</param>
internal sealed record TimeseriesLayout(
    string? Equity,
    string? Drawdown,
    IReadOnlyList<string> Sources,
    string? HealthFactor,
    string? Ltv,
    string? NetDelta,
    IReadOnlyList<string> MarginRatios,
    IReadOnlyList<string> Positions,
    IReadOnlyList<string> Others)
{
    public const string EquityColumn = "equity";
    public const string DrawdownColumn = "drawdown";
    public const string ResidualColumn = "residual";
    public const string HealthFactorColumn = "health_factor";
    public const string LtvColumn = "ltv";
    public const string NetDeltaColumn = "net_delta";
    public const string MarginRatioPrefix = "margin_ratio_";

    public static TimeseriesLayout Of(Timeseries timeseries, IEnumerable<string> attributionSources)
    {
        var columns = timeseries.Columns;
        var present = new HashSet<string>(columns, StringComparer.Ordinal);
        var sources = attributionSources.Where(present.Contains).ToList();
        var sourceSet = new HashSet<string>(sources, StringComparer.Ordinal);
        string? Named(string name) => present.Contains(name) ? name : null;
        var known = new HashSet<string>(StringComparer.Ordinal)
        {
            EquityColumn, DrawdownColumn, ResidualColumn, HealthFactorColumn, LtvColumn, NetDeltaColumn,
        };

        var marginRatios = columns.Where(c => c.StartsWith(MarginRatioPrefix, StringComparison.Ordinal)).ToList();
        var positions = columns.Where(IsPositionKey).ToList();
        var others = columns
            .Where(c => !known.Contains(c) && !sourceSet.Contains(c) && !c.StartsWith(MarginRatioPrefix, StringComparison.Ordinal) && !IsPositionKey(c))
            .ToList();
        return new TimeseriesLayout(
            Named(EquityColumn),
            Named(DrawdownColumn),
            sources,
            Named(HealthFactorColumn),
            Named(LtvColumn),
            Named(NetDeltaColumn),
            marginRatios,
            positions,
            others);
    }

    /// <summary>Position keys are <c>venue:type:symbol</c>; no measure name contains a colon.</summary>
    private static bool IsPositionKey(string column) => column.Split(':').Length == 3;
}
