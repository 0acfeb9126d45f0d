using Basis.Core.Events;
using Basis.Core.Instruments;
using Basis.Core.Market;
using Basis.Core.Metrics;
using Basis.Core.Results;
using Basis.Core.Settings;
using Basis.Core.Strategies;

namespace Basis.Core.Simulation;

/// <summary>
/// The run's results: the timeseries columns a run has (flows, AAVE risk, net delta and margin ratios only where they
/// apply), one row per hour from the positions and running totals, and the summary figures once the run is complete.
/// </summary>
internal sealed class ResultRecorder
{
    private readonly BacktestSpec _spec;
    private readonly IStrategy _strategy;
    private readonly DeskLedger _desk;
    private readonly RiskExtremes _extremes;
    private readonly CapitalFlowHandler _flows;
    private readonly Instrument[] _perps;
    private readonly bool _hasAave;
    private readonly List<string> _columns;

    public ResultRecorder(BacktestSpec spec, IStrategy strategy, DeskLedger desk, RiskExtremes extremes, CapitalFlowHandler flows, Instrument[] perps, bool hasAave)
    {
        _spec = spec;
        _strategy = strategy;
        _desk = desk;
        _extremes = extremes;
        _flows = flows;
        _perps = perps;
        _hasAave = hasAave;
        _columns = ColumnNames();
    }

    public IReadOnlyList<string> Columns => _columns;

    /// <summary>Fills the hour's row and notes the risk figures' extremes.</summary>
    public void Record(Span<double> row, int h, double equity)
    {
        var (portfolio, valuation) = (_desk.Portfolio, _desk.Valuation);
        var c = 0;
        row[c++] = equity;
        c++; // drawdown: filled from the time-weighted index once the run is complete

        if (_flows.HasFlows)
        {
            row[c++] = _flows.Accumulate(h);
        }

        foreach (var total in _desk.Attribution.Totals)
        {
            row[c++] = total;
        }

        row[c++] = _desk.Attribution.CumulativeResidual;
        if (_hasAave)
        {
            var (healthFactor, ltv) = RiskMeter.Aave(portfolio, valuation, _spec.Venues.Aave, h);
            row[c++] = healthFactor;
            row[c++] = ltv;
            _extremes.ObserveHealthFactor(healthFactor);
            _extremes.ObserveLtv(ltv);
        }

        if (_strategy.RiskAsset is { } asset)
        {
            var delta = RiskMeter.NetDelta(portfolio, valuation, asset, equity, h);
            row[c++] = delta;
            _extremes.ObserveAbsDelta(Math.Abs(delta) * valuation.ScPrice(asset)[h] / equity);
        }

        foreach (var perp in _perps)
        {
            var ratio = RiskMeter.MarginRatio(portfolio, valuation, perp, h);
            row[c++] = ratio;
            _extremes.ObserveMarginRatio(ratio);
        }

        foreach (var instrument in valuation.Instruments)
        {
            var quantity = portfolio.Quantity(instrument);
            row[c++] = quantity * (valuation.IndexOrNull(instrument)?[h] ?? 1.0);
        }
    }

    /// <summary>The result of the complete run: fills the drawdown column and computes the summary figures.</summary>
    public BacktestResult Result(MarketData market, Timeseries timeseries, List<SimulationEvent> events, TimeSpan elapsed)
    {
        var flows = _flows.ByHour;
        var equity = timeseries.Column("equity");
        var figures = PerformanceMetrics.Compute(_spec.InitialCapital, equity, flows, market.Grid);

        // Drawdown of the time-weighted index, so a withdrawal is not a loss and a deposit not a recovery.
        var drawdown = timeseries.IndexOf("drawdown");
        var peak = 1.0;
        var index = PerformanceMetrics.TimeWeightedIndex(_spec.InitialCapital, equity, flows);
        for (var h = 0; h < index.Length; h++)
        {
            peak = Math.Max(peak, index[h]);
            timeseries.Row(h)[drawdown] = (index[h] / peak) - 1;
        }

        var attribution = new OrderedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var source in AttributionSources.All)
        {
            attribution[source.Name()] = _desk.Attribution.Total(source);
        }

        double Total(AttributionSource source) => _desk.Attribution.Total(source);
        var summary = new BacktestSummary
        {
            RunId = _spec.RunId,
            Mode = _spec.Mode.Mode,
            ShareClass = _spec.Mode.ShareClass.Asset().Symbol(),
            Start = _spec.StartUtc,
            End = _spec.EndUtc,
            InitialCapital = _spec.InitialCapital,
            FinalEquity = equity[^1],
            NetFlows = flows.Sum(),
            Pnl = equity[^1] - _spec.InitialCapital - flows.Sum(),
            TotalReturn = figures.TotalReturn,
            Apr = figures.Apr,
            Apy = figures.Apy,
            Volatility = figures.Volatility,
            Sharpe = figures.Sharpe,
            Sortino = figures.Sortino,
            Calmar = figures.Calmar,
            MaxDrawdown = figures.MaxDrawdown,
            MaxDrawdownDurationHours = figures.MaxDrawdownDurationHours,
            Attribution = attribution,
            AttributionResidual = _desk.Attribution.CumulativeResidual,
            Costs = new CostTotals(-Total(AttributionSource.TradingFees), -Total(AttributionSource.Slippage), -Total(AttributionSource.Gas)),
            FundingReceived = Total(AttributionSource.Funding),
            Rebalances = _desk.Rebalances,
            Trades = _desk.Trades,
            Liquidations = _desk.Liquidations,
            BadDebt = _desk.BadDebt,
            MinHealthFactor = double.IsFinite(_extremes.MinHealthFactor) ? _extremes.MinHealthFactor : null,
            MaxLtv = _extremes.MaxLtv,
            MinMarginRatio = double.IsFinite(_extremes.MinMarginRatio) ? _extremes.MinMarginRatio : null,
            MaxAbsDelta = _strategy.RiskAsset is null ? null : _extremes.MaxAbsDelta,
            DataReport = new DataReport(_spec.DataSource, market.Report),
            Scenario = _spec.Scenario ?? [],
            Overrides = _spec.Overrides ?? [],
            ConfigHash = _spec.ConfigHash,
            EngineVersion = BacktestEngine.Version,
            ElapsedMs = (long)elapsed.TotalMilliseconds,
        };

        return new BacktestResult(summary, timeseries, events, _desk.Portfolio.ToDictionary());
    }

    private List<string> ColumnNames()
    {
        var columns = new List<string> { "equity", "drawdown" };
        if (_flows.HasFlows)
        {
            columns.Add("net_flows");
        }

        columns.AddRange(AttributionSources.All.Select(s => s.Name()));
        columns.Add("residual");
        if (_hasAave)
        {
            columns.Add("health_factor");
            columns.Add("ltv");
        }

        if (_strategy.RiskAsset is not null)
        {
            columns.Add("net_delta");
        }

        columns.AddRange(_perps.Select(p => $"margin_ratio_{p.Key.Venue.Name()}_{p.Key.Symbol}"));
        columns.AddRange(_desk.Valuation.Instruments.ToArray().Select(i => i.Key.ToString()));
        return columns;
    }
}
