namespace Basis.Core.Results;

/// <summary>
/// The headline results of a run (<c>summary.json</c>, DESIGN §7). Amounts are in share-class units, ratios are
/// fractions. Metrics that are undefined for a run (Sharpe without volatility, health factor without debt) are null.
/// </summary>
public sealed record BacktestSummary
{
    /// <summary>Run identifier.</summary>
    public required string RunId { get; init; }

    /// <summary>Canonical mode name.</summary>
    public required string Mode { get; init; }

    /// <summary>Share class (<c>USDT</c>, <c>ETH</c>).</summary>
    public required string ShareClass { get; init; }

    /// <summary>First hour.</summary>
    public required DateTime Start { get; init; }

    /// <summary>End hour (exclusive).</summary>
    public required DateTime End { get; init; }

    /// <summary>Capital at the start.</summary>
    public required double InitialCapital { get; init; }

    /// <summary>Equity at the last hour.</summary>
    public required double FinalEquity { get; init; }

    /// <summary>Deposits less withdrawals during the run.</summary>
    public required double NetFlows { get; init; }

    /// <summary>Profit: final equity − initial capital − net flows.</summary>
    public required double Pnl { get; init; }

    /// <summary>
    /// Time-weighted return: the product of hourly returns with each hour's flow removed (with no flows, final
    /// equity ÷ initial capital − 1).
    /// </summary>
    public required double TotalReturn { get; init; }

    /// <summary>Total return ÷ years (simple annualisation, 8,760-hour years).</summary>
    public required double Apr { get; init; }

    /// <summary>(1 + total return)^(1 / years) − 1.</summary>
    public required double? Apy { get; init; }

    /// <summary>Annualised standard deviation of daily returns (√365).</summary>
    public required double? Volatility { get; init; }

    /// <summary>Annualised mean daily return ÷ volatility (risk-free rate 0).</summary>
    public required double? Sharpe { get; init; }

    /// <summary>Annualised mean daily return ÷ annualised downside deviation.</summary>
    public required double? Sortino { get; init; }

    /// <summary>APY ÷ maximum drawdown.</summary>
    public required double? Calmar { get; init; }

    /// <summary>Largest fall from a peak, as a positive fraction of the peak.</summary>
    public required double MaxDrawdown { get; init; }

    /// <summary>Longest time from a peak until equity regained it (or the run ended), in hours.</summary>
    public required int MaxDrawdownDurationHours { get; init; }

    /// <summary>Sum of each attribution source over the run.</summary>
    public required IReadOnlyDictionary<string, double> Attribution { get; init; }

    /// <summary>Equity change not explained by the sources (≈ 0).</summary>
    public required double AttributionResidual { get; init; }

    /// <summary>Costs paid.</summary>
    public required CostTotals Costs { get; init; }

    /// <summary>Net funding received (negative when paid).</summary>
    public required double FundingReceived { get; init; }

    /// <summary>Rebalancing decisions after the entry.</summary>
    public required int Rebalances { get; init; }

    /// <summary>Exchange fills and DEX swaps.</summary>
    public required int Trades { get; init; }

    /// <summary>Liquidations suffered.</summary>
    public required int Liquidations { get; init; }

    /// <summary>
    /// AAVE debt written off because no collateral was left to repay it (the loan is non-recourse): already counted in
    /// the <c>liquidation</c> attribution as a gain; 0 for none (and for a summary written before it was reported).
    /// </summary>
    public double BadDebt { get; init; }

    /// <summary>Lowest AAVE health factor; null without debt.</summary>
    public required double? MinHealthFactor { get; init; }

    /// <summary>Highest AAVE loan-to-value.</summary>
    public required double MaxLtv { get; init; }

    /// <summary>Lowest perp margin ratio over venues; null without perps.</summary>
    public required double? MinMarginRatio { get; init; }

    /// <summary>Largest |net delta| as a fraction of equity; null when the strategy tracks no delta.</summary>
    public required double? MaxAbsDelta { get; init; }

    /// <summary>The stress shocks applied to the data (empty for a historical run).</summary>
    public required IReadOnlyList<string> Scenario { get; init; }

    /// <summary>What data was read and what stood in for what.</summary>
    public required DataReport DataReport { get; init; }

    /// <summary>
    /// The settings overrides the run was given (<c>margin_fraction=0.25</c>), in order, as given; empty for none (and
    /// for a summary written before overrides were recorded). <see cref="ConfigHash"/> covers their effect.
    /// </summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>SHA-256 of the merged configuration.</summary>
    public required string ConfigHash { get; init; }

    /// <summary>Version of the engine that produced the run.</summary>
    public required string EngineVersion { get; init; }

    /// <summary>Wall time of the simulation (a timing field: differs between identical runs).</summary>
    public required long ElapsedMs { get; init; }
}
