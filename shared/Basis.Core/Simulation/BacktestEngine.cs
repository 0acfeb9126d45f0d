using System.Diagnostics;
using System.Reflection;
using Basis.Core.Events;
using Basis.Core.Instruments;
using Basis.Core.Market;
using Basis.Core.Metrics;
using Basis.Core.Results;
using Basis.Core.Settings;
using Basis.Core.Strategies;

namespace Basis.Core.Simulation;

/// <summary>
/// The hourly simulation (DESIGN §4). Each hour: accrue AAVE interest and settle funding and rewards at the
/// previous hour's prices, revalue what is held to the hour's prices, let venues liquidate what fell below
/// maintenance, let the strategy act, then recompute equity from the positions and reconcile it with the sum of
/// the attribution sources. Deterministic: the same inputs give the same numbers.
/// </summary>
public static class BacktestEngine
{
    /// <summary>The engine's version as built (package version and source revision).</summary>
    public static string Version { get; } =
        typeof(BacktestEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Runs a backtest over data already loaded for the spec's period.</summary>
    public static BacktestResult Run(BacktestSpec spec, IStrategy strategy, MarketData market, IProgress<BacktestProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(market);
        if (market.Grid.Start != spec.StartUtc || market.Grid.End != spec.EndUtc)
        {
            throw new ArgumentException($"The market data covers {market.Grid.Start:O} → {market.Grid.End:O}, the spec asks for {spec.StartUtc:O} → {spec.EndUtc:O}.", nameof(market));
        }

        if (!(spec.InitialCapital > 0) || !double.IsFinite(spec.InitialCapital))
        {
            throw new ArgumentOutOfRangeException(nameof(spec), spec.InitialCapital, "Initial capital must be positive.");
        }

        var started = Stopwatch.GetTimestamp();
        var simulation = new Simulation(spec, strategy, market);
        simulation.Run(progress);
        return simulation.Result(Stopwatch.GetElapsedTime(started));
    }

    private sealed class Simulation
    {
        private readonly BacktestSpec _spec;
        private readonly IStrategy _strategy;
        private readonly MarketData _market;
        private readonly ValuationModel _valuation;
        private readonly Portfolio _portfolio = new();
        private readonly List<SimulationEvent> _events = [];
        private readonly double[] _hourSources = new double[AttributionSources.Count];
        private readonly double[] _cumulativeSources = new double[AttributionSources.Count];
        private readonly SimulatedExecution _execution;
        private readonly StrategyContext _context;
        private readonly RewardSettlement _rewards;
        private readonly Instrument[] _perps;
        private readonly bool _hasAave;
        private readonly Timeseries _timeseries;
        private readonly double[] _equity;
        private double _cumulativeResidual;
        private double _minHealthFactor = double.PositiveInfinity;
        private double _maxLtv;
        private double _minMarginRatio = double.PositiveInfinity;
        private double _maxAbsDelta;
        private double _peak;

        public Simulation(BacktestSpec spec, IStrategy strategy, MarketData market)
        {
            _spec = spec;
            _strategy = strategy;
            _market = market;
            _valuation = new ValuationModel(market, spec.Mode, strategy);
            _execution = new SimulatedExecution(_portfolio, _valuation, spec.Venues, _events, _hourSources);
            _context = new StrategyContext(_portfolio, _valuation, _execution, spec.Venues);
            _rewards = new RewardSettlement(strategy, market, _valuation);
            _perps = strategy.Instruments.Where(i => i.Key.Type == PositionType.Perp).ToArray();
            _hasAave = strategy.Instruments.Any(i => i.AaveReserve is not null);
            _equity = new double[market.Grid.Hours];
            _timeseries = new Timeseries(market.Grid, Columns());
        }

        public void Run(IProgress<BacktestProgress>? progress)
        {
            var grid = _market.Grid;
            var shareClassWallet = InstrumentRegistry.Balance(Venue.Wallet, _spec.Mode.ShareClass.Asset());
            _portfolio.Add(shareClassWallet, _spec.InitialCapital);
            var previousEquity = _spec.InitialCapital;
            for (var h = 0; h < grid.Hours; h++)
            {
                Array.Clear(_hourSources);
                _execution.Hour = h;
                _context.Hour = h;
                if (h > 0)
                {
                    SettleFunding(h);
                    Revalue(h);
                    _rewards.Settle(h, _execution, _valuation);
                    LiquidatePerps(h);
                }

                _strategy.OnHour(_context);
                _rewards.RecordHolding(_portfolio, _valuation, h);

                var equity = _valuation.EquitySc(_portfolio, h);
                if (!double.IsFinite(equity))
                {
                    throw MissingPriceException.For(_portfolio, _valuation, h);
                }

                var explained = 0.0;
                for (var s = 0; s < _hourSources.Length; s++)
                {
                    _cumulativeSources[s] += _hourSources[s];
                    explained += _hourSources[s];
                }

                _cumulativeResidual += equity - previousEquity - explained;
                _equity[h] = equity;
                Record(h, equity);
                previousEquity = equity;

                if (progress is not null && (h % 720 == 719 || h == grid.Hours - 1))
                {
                    progress.Report(new BacktestProgress(h + 1, grid.Hours));
                }
            }
        }

        public BacktestResult Result(TimeSpan elapsed)
        {
            var figures = PerformanceMetrics.Compute(_spec.InitialCapital, _equity, _market.Grid);
            var attribution = new OrderedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var source in AttributionSources.All)
            {
                attribution[source.Name()] = _cumulativeSources[(int)source];
            }

            double Total(AttributionSource source) => _cumulativeSources[(int)source];
            var summary = new BacktestSummary
            {
                RunId = _spec.RunId,
                Mode = _spec.Mode.Mode,
                ShareClass = _spec.Mode.ShareClass.Asset().Symbol(),
                Start = _spec.StartUtc,
                End = _spec.EndUtc,
                InitialCapital = _spec.InitialCapital,
                FinalEquity = _equity[^1],
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
                AttributionResidual = _cumulativeResidual,
                Costs = new CostTotals(-Total(AttributionSource.TradingFees), -Total(AttributionSource.Slippage), -Total(AttributionSource.Gas)),
                FundingReceived = Total(AttributionSource.Funding),
                Rebalances = _execution.Rebalances,
                Trades = _execution.Trades,
                Liquidations = _execution.Liquidations,
                MinHealthFactor = double.IsFinite(_minHealthFactor) ? _minHealthFactor : null,
                MaxLtv = _maxLtv,
                MinMarginRatio = double.IsFinite(_minMarginRatio) ? _minMarginRatio : null,
                MaxAbsDelta = _strategy.RiskAsset is null ? null : _maxAbsDelta,
                DataReport = new DataReport(_spec.DataSource, _market.Report),
                ConfigHash = _spec.ConfigHash,
                EngineVersion = Version,
                ElapsedMs = (long)elapsed.TotalMilliseconds,
            };

            return new BacktestResult(summary, _timeseries, _events, _portfolio.ToDictionary());
        }

        private void SettleFunding(int h)
        {
            foreach (var perp in _perps)
            {
                var size = _portfolio.Quantity(perp);
                var rate = _valuation.Funding(perp)[h];
                if (size == 0 || double.IsNaN(rate))
                {
                    continue;
                }

                var mark = _valuation.Mark(perp)[h];
                var payment = Accounting.PerpAccounting.FundingPayment(size, mark, rate);
                _execution.Settle(InstrumentRegistry.MarginAccount(perp), payment, AttributionSource.Funding, _valuation.ScPrice(Asset.Usdt)[h - 1]);
                _events.Add(new FundingEvent(_market.Grid.TimeOf(h), perp.Key.ToString(), rate, size, mark, payment));
            }
        }

        /// <summary>
        /// Splits the move of every held position from hour h−1 to h into sources by changing one factor at a time,
        /// in a fixed order: AAVE index (interest), LST rate (staking), then price. The factors multiply, so the
        /// chained differences add up exactly to the change in value. Perps split their mark move into the move of
        /// the spot reference (price) and of the perp–spot spread (basis).
        /// </summary>
        private void Revalue(int h)
        {
            var usdtSc = _valuation.ScPrice(Asset.Usdt);
            foreach (var instrument in _valuation.Instruments)
            {
                var quantity = _portfolio.Quantity(instrument);
                if (quantity == 0)
                {
                    continue;
                }

                if (_valuation.MarkOrNull(instrument) is { } mark)
                {
                    var spot = _valuation.UsdPrice(instrument.PricedIn);
                    var markMove = quantity * (mark[h] - mark[h - 1]);
                    var spotMove = quantity * (spot[h] - spot[h - 1]);
                    _hourSources[(int)AttributionSource.Price] += spotMove * usdtSc[h - 1];
                    _hourSources[(int)AttributionSource.Basis] += (markMove - spotMove) * usdtSc[h - 1];
                    var unrealised = quantity * (mark[h] - _portfolio.EntryPrice(instrument));
                    _hourSources[(int)AttributionSource.Price] += unrealised * (usdtSc[h] - usdtSc[h - 1]);
                    continue;
                }

                var signed = instrument.IsDebt ? -quantity : quantity;
                var index = _valuation.IndexOrNull(instrument);
                var rate = _valuation.LstRateOrNull(instrument);
                var price = _valuation.PriceScOf(instrument);
                var indexBefore = index?[h - 1] ?? 1.0;
                var indexNow = index?[h] ?? 1.0;
                var rateBefore = rate?[h - 1] ?? 1.0;
                var rateNow = rate?[h] ?? 1.0;

                var interest = signed * (indexNow - indexBefore) * rateBefore * price[h - 1];
                _hourSources[(int)(instrument.IsDebt ? AttributionSource.BorrowCost : AttributionSource.LendingYield)] += interest;
                _hourSources[(int)AttributionSource.StakingYield] += signed * indexNow * (rateNow - rateBefore) * price[h - 1];
                _hourSources[(int)AttributionSource.Price] += signed * indexNow * rateNow * (price[h] - price[h - 1]);
            }
        }

        private void LiquidatePerps(int h)
        {
            foreach (var perp in _perps)
            {
                if (_portfolio.Quantity(perp) == 0)
                {
                    continue;
                }

                var ratio = RiskMeter.MarginRatio(_portfolio, _valuation, perp, h);
                if (ratio < _spec.Venues.Exchange(perp.Key.Venue).MaintenanceMargin)
                {
                    _execution.LiquidatePerp(perp, ratio);
                }
            }
        }

        private List<string> Columns()
        {
            var columns = new List<string> { "equity", "drawdown" };
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
            columns.AddRange(_valuation.Instruments.ToArray().Select(i => i.Key.ToString()));
            return columns;
        }

        private void Record(int h, double equity)
        {
            _peak = h == 0 ? Math.Max(_spec.InitialCapital, equity) : Math.Max(_peak, equity);
            var row = _timeseries.Row(h);
            var c = 0;
            row[c++] = equity;
            row[c++] = (equity / _peak) - 1;
            foreach (var total in _cumulativeSources)
            {
                row[c++] = total;
            }

            row[c++] = _cumulativeResidual;
            if (_hasAave)
            {
                var (healthFactor, ltv) = RiskMeter.Aave(_portfolio, _valuation, _spec.Venues.Aave, h);
                if (healthFactor < 1)
                {
                    throw new NotSupportedException($"AAVE health factor fell to {healthFactor:F4} at {_market.Grid.TimeOf(h):O}; AAVE liquidation is not modelled yet, so the run stops rather than continue with HF < 1.");
                }

                row[c++] = healthFactor;
                row[c++] = ltv;
                _minHealthFactor = Math.Min(_minHealthFactor, healthFactor);
                _maxLtv = Math.Max(_maxLtv, ltv);
            }

            if (_strategy.RiskAsset is { } asset)
            {
                var delta = RiskMeter.NetDelta(_portfolio, _valuation, asset, equity, h);
                row[c++] = delta;
                _maxAbsDelta = Math.Max(_maxAbsDelta, Math.Abs(delta) * _valuation.ScPrice(asset)[h] / equity);
            }

            foreach (var perp in _perps)
            {
                var ratio = RiskMeter.MarginRatio(_portfolio, _valuation, perp, h);
                row[c++] = ratio;
                _minMarginRatio = Math.Min(_minMarginRatio, ratio);
            }

            foreach (var instrument in _valuation.Instruments)
            {
                var quantity = _portfolio.Quantity(instrument);
                row[c++] = quantity * (_valuation.IndexOrNull(instrument)?[h] ?? 1.0);
            }
        }
    }
}
