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
        private readonly bool _hasFlows;
        private readonly Timeseries _timeseries;
        private readonly double[] _equity;
        private readonly double[] _flows;
        private readonly Instrument _shareClassWallet;
        private double _cumulativeResidual;
        private double _minHealthFactor = double.PositiveInfinity;
        private double _maxLtv;
        private double _minMarginRatio = double.PositiveInfinity;
        private double _maxAbsDelta;
        private double _cumulativeFlows;


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
            _flows = FlowsByHour(spec, market.Grid);
            _hasFlows = _flows.Any(f => f != 0);
            _shareClassWallet = InstrumentRegistry.Balance(Venue.Wallet, spec.Mode.ShareClass.Asset());
            _timeseries = new Timeseries(market.Grid, Columns());
        }

        public void Run(IProgress<BacktestProgress>? progress)
        {
            var grid = _market.Grid;
            _portfolio.Add(_shareClassWallet, _spec.InitialCapital);
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
                    LiquidateAave(h);
                    ApplyFlow(h);
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

                _cumulativeResidual += equity - previousEquity - _flows[h] - explained;
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
            var figures = PerformanceMetrics.Compute(_spec.InitialCapital, _equity, _flows, _market.Grid);

            // Drawdown of the time-weighted index, so a withdrawal is not a loss and a deposit not a recovery.
            var drawdown = _timeseries.IndexOf("drawdown");
            var peak = 1.0;
            var index = PerformanceMetrics.TimeWeightedIndex(_spec.InitialCapital, _equity, _flows);
            for (var h = 0; h < index.Length; h++)
            {
                peak = Math.Max(peak, index[h]);
                _timeseries.Row(h)[drawdown] = (index[h] / peak) - 1;
            }
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
                NetFlows = _flows.Sum(),
                Pnl = _equity[^1] - _spec.InitialCapital - _flows.Sum(),
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
                Scenario = _spec.Scenario ?? [],
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
        /// in a fixed order: AAVE index (interest), LST rate (staking), a stressed depeg (price), then price. The factors multiply, so the
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
                var depeg = _valuation.DepegOrNull(instrument);
                var price = _valuation.PriceScOf(instrument);
                var indexBefore = index?[h - 1] ?? 1.0;
                var indexNow = index?[h] ?? 1.0;
                var rateBefore = rate?[h - 1] ?? 1.0;
                var rateNow = rate?[h] ?? 1.0;
                var depegBefore = depeg?[h - 1] ?? 1.0;
                var depegNow = depeg?[h] ?? 1.0;

                var interest = signed * (indexNow - indexBefore) * rateBefore * depegBefore * price[h - 1];
                _hourSources[(int)(instrument.IsDebt ? AttributionSource.BorrowCost : AttributionSource.LendingYield)] += interest;
                _hourSources[(int)AttributionSource.StakingYield] += signed * indexNow * (rateNow - rateBefore) * depegBefore * price[h - 1];

                // A stressed depeg is a move of the LST's price against ETH, not staking yield.
                _hourSources[(int)AttributionSource.Price] += signed * indexNow * rateNow * (((depegNow - depegBefore) * price[h - 1]) + (depegNow * (price[h] - price[h - 1])));
            }
        }

        private void LiquidateAave(int h)
        {
            if (!_hasAave)
            {
                return;
            }

            var (healthFactor, _) = RiskMeter.Aave(_portfolio, _valuation, _spec.Venues.Aave, h);
            if (healthFactor < 1)
            {
                // The lowest health factor reached is the one that triggered the liquidation, not what is left after it.
                _minHealthFactor = Math.Min(_minHealthFactor, healthFactor);
                _execution.LiquidateAave(healthFactor);
            }
        }

        /// <summary>
        /// Deposits land in the wallet for the strategy to deploy; withdrawals are paid from idle funds first (fast)
        /// and the rest by asking the strategy to unwind (slow). Flows are kept out of attribution.
        /// </summary>
        private void ApplyFlow(int h)
        {
            var amount = _flows[h];
            if (amount == 0)
            {
                return;
            }

            if (amount > 0)
            {
                _execution.Flow(_shareClassWallet, amount, 0);
                return;
            }

            var needed = -amount;
            var freeCash = Math.Clamp(_portfolio.Quantity(_shareClassWallet), 0, needed);
            if (freeCash < needed)
            {
                _strategy.RaiseCash(_context, needed);
                var raised = _portfolio.Quantity(_shareClassWallet);
                if (raised < needed * (1 - 1e-9))
                {
                    throw new WithdrawalFailedException($"The withdrawal of {needed} {_spec.Mode.ShareClass.Name()} at {_market.Grid.TimeOf(h):yyyy-MM-ddTHH:mm:ssZ} could not be raised: unwinding freed {raised}.");
                }
            }

            _execution.Flow(_shareClassWallet, amount, freeCash);
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
                    _minMarginRatio = Math.Min(_minMarginRatio, ratio);
                    _execution.LiquidatePerp(perp, ratio);
                }
            }
        }

        private static double[] FlowsByHour(BacktestSpec spec, Time.HourGrid grid)
        {
            var flows = new double[grid.Hours];
            foreach (var flow in spec.Flows ?? [])
            {
                var hour = (int)((flow.TimeUtc - grid.Start).Ticks / TimeSpan.TicksPerHour);
                if (!Time.HourGrid.IsWholeUtcHour(flow.TimeUtc) || hour < 1 || hour >= grid.Hours || !double.IsFinite(flow.Amount))
                {
                    throw new ArgumentException($"The capital flow at {flow.TimeUtc:O} must fall on a whole UTC hour after the start and before the end of the run.", nameof(spec));
                }

                flows[hour] += flow.Amount;
            }

            return flows;
        }

        private List<string> Columns()
        {
            var columns = new List<string> { "equity", "drawdown" };
            if (_hasFlows)
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
            columns.AddRange(_valuation.Instruments.ToArray().Select(i => i.Key.ToString()));
            return columns;
        }

        private void Record(int h, double equity)
        {
            var row = _timeseries.Row(h);
            var c = 0;
            row[c++] = equity;
            c++; // drawdown: filled from the time-weighted index once the run is complete

            if (_hasFlows)
            {
                _cumulativeFlows += _flows[h];
                row[c++] = _cumulativeFlows;
            }

            foreach (var total in _cumulativeSources)
            {
                row[c++] = total;
            }

            row[c++] = _cumulativeResidual;
            if (_hasAave)
            {
                var (healthFactor, ltv) = RiskMeter.Aave(_portfolio, _valuation, _spec.Venues.Aave, h);
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
