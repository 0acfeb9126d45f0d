using System.Globalization;
using Basis.Core.Events;
using Basis.Core.Instruments;
using Basis.Core.Market;
using Basis.Core.Metrics;
using Basis.Core.Results;
using Basis.Core.Settings;
using Basis.Core.Strategies;
using Basis.Core.Trading;

namespace Basis.Core.Simulation;

/// <summary>
/// The hourly simulation (DESIGN §4) as a run that can be cut into segments. Each hour: accrue AAVE interest and
/// settle funding and rewards at the previous hour's prices, revalue what is held to the hour's prices, let venues
/// liquidate what fell below maintenance, let the strategy act, then recompute equity from the positions and
/// reconcile it with the sum of the attribution sources. Deterministic: the same inputs give the same numbers, and
/// a run cut into segments, each continued from the previous one's <see cref="SimulationCheckpoint"/> in a fresh
/// process, gives bit for bit what one uninterrupted run gives (<see cref="BacktestEngine.Run"/> is one segment).
/// </summary>
public sealed class BacktestSimulation
{
    private readonly BacktestSpec _spec;
    private readonly IStrategy _strategy;
    private readonly MarketData _market;
    private readonly RunIdentity _run;
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
    private readonly List<string> _columns;
    private readonly double[] _flows;
    private readonly List<int> _refusedFlowHours = [];
    private readonly Instrument _shareClassWallet;
    private double _previousEquity;
    private double _cumulativeResidual;
    private double _minHealthFactor = double.PositiveInfinity;
    private double _maxLtv;
    private double _minMarginRatio = double.PositiveInfinity;
    private double _maxAbsDelta;
    private double _cumulativeFlows;
    private Exception? _failure;

    private BacktestSimulation(BacktestSpec spec, IStrategy strategy, MarketData market, DeskFactory? desk = null)
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

        if (spec.OpenEnded && strategy.Rewards.Count > 0)
        {
            // A payout weighs holdings over an earning period that can start before the hours a checkpoint keeps.
            throw new NotSupportedException($"Mode {spec.Mode.Mode}: seasonal rewards are not supported in an open-ended (live) run yet; turn seasonal_rewards off.");
        }

        _spec = spec;
        _strategy = strategy;
        _market = market;
        _run = RunIdentity.Of(spec, strategy, market.Grid);
        _valuation = new ValuationModel(market, spec.Mode, strategy);
        _execution = new SimulatedExecution(_portfolio, _valuation, spec.Venues, _events, _hourSources);
        StrategyContext? context = null;
        var strategyDesk = desk is null ? _execution : desk(_execution, intent => context!.NotionalUsd(intent));
        _context = context = new StrategyContext(_portfolio, _valuation, strategyDesk, spec.Venues);
        _rewards = new RewardSettlement(strategy, market, _valuation);
        _perps = strategy.Instruments.Where(i => i.Key.Type == PositionType.Perp).ToArray();
        _hasAave = strategy.Instruments.Any(i => i.AaveReserve is not null);
        _flows = FlowsByHour(spec, market.Grid);
        _hasFlows = spec.OpenEnded || _flows.Any(f => f != 0);
        _shareClassWallet = InstrumentRegistry.Balance(Venue.Wallet, spec.Mode.ShareClass.Asset());
        _columns = ColumnNames();
    }

    /// <summary>The first hour not yet simulated.</summary>
    public int NextHour { get; private set; }

    /// <summary>The run's timeseries columns, in the order of a segment's rows.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>A run at its first hour, with the initial capital in the wallet.</summary>
    /// <param name="spec">What to run.</param>
    /// <param name="strategy">A fresh strategy for the spec's mode.</param>
    /// <param name="market">Data already loaded (and stressed) for the spec's period.</param>
    /// <param name="desk">What stands between the strategy and the simulated desk (a safety gate); none in a backtest.</param>
    public static BacktestSimulation Start(BacktestSpec spec, IStrategy strategy, MarketData market, DeskFactory? desk = null)
    {
        var simulation = new BacktestSimulation(spec, strategy, market, desk);
        simulation._portfolio.Add(simulation._shareClassWallet, spec.InitialCapital);
        simulation._previousEquity = spec.InitialCapital;
        return simulation;
    }

    /// <summary>
    /// A run continued from <paramref name="checkpoint"/>, with a strategy and market data built afresh from the same
    /// spec. Throws <see cref="ArgumentException"/> when the checkpoint was made for another run.
    /// </summary>
    /// <param name="spec">The spec the checkpoint's run was started with.</param>
    /// <param name="strategy">A fresh strategy for the spec's mode; its state is restored from the checkpoint.</param>
    /// <param name="market">Data for the spec's period, loaded as for the start.</param>
    /// <param name="checkpoint">The state after the last simulated hour.</param>
    public static BacktestSimulation Resume(BacktestSpec spec, IStrategy strategy, MarketData market, SimulationCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var simulation = new BacktestSimulation(spec, strategy, market);
        simulation._run.Require(checkpoint.Run, "checkpoint", nameof(checkpoint));
        simulation.Restore(checkpoint);
        return simulation;
    }

    /// <summary>
    /// A run continued from <paramref name="checkpoint"/> on a longer grid from the same start: what a live instance
    /// does each cycle, with the hours observed since appended to its market data. The hours before the checkpoint
    /// are not simulated again, so they must be the ones it was made on.
    /// </summary>
    /// <param name="spec">The run's spec, ending with the longer grid.</param>
    /// <param name="strategy">A fresh strategy for the spec's mode; its state is restored from the checkpoint.</param>
    /// <param name="market">Data from the run's start to the spec's new end.</param>
    /// <param name="checkpoint">The state after the last simulated hour.</param>
    /// <param name="desk">What stands between the strategy and the simulated desk (a safety gate).</param>
    public static BacktestSimulation Extend(BacktestSpec spec, IStrategy strategy, MarketData market, SimulationCheckpoint checkpoint, DeskFactory? desk = null)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var simulation = new BacktestSimulation(spec, strategy, market, desk);
        simulation._run.RequireExtensionOf(checkpoint.Run, "checkpoint", nameof(checkpoint));
        simulation.Restore(checkpoint);
        return simulation;
    }

    /// <summary>
    /// Simulates the hours [<see cref="NextHour"/>, <paramref name="endHour"/>) and returns their timeseries rows and
    /// events. Progress counts hours of the whole run.
    /// </summary>
    public SimulationSegment RunUntil(int endHour, IProgress<BacktestProgress>? progress = null)
    {
        RequireNotFailed();
        var hours = _market.Grid.Hours;
        ArgumentOutOfRangeException.ThrowIfLessThan(endHour, NextHour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(endHour, hours);

        var fromHour = NextHour;
        var rows = new double[(endHour - fromHour) * _columns.Count];
        try
        {
            Simulate(fromHour, endHour, rows, progress);
        }
        catch (Exception exception)
        {
            // The failing hour is half applied: nothing may continue from, or checkpoint, this state.
            _failure = exception;
            throw;
        }

        var segment = new SimulationSegment(_run, fromHour, endHour, _columns.Count, rows, [.. _events]);
        _events.Clear();
        return segment;
    }

    /// <summary>The state after the last simulated hour, to continue the run with <see cref="Resume"/>.</summary>
    public SimulationCheckpoint Checkpoint()
    {
        RequireNotFailed();
        return new(_run, NextHour, StateBytes.Write(WriteState));
    }

    /// <summary>
    /// The result of a finished run from its final checkpoint and the segments that produced it, in order: the same
    /// <see cref="BacktestResult"/> one uninterrupted run gives (apart from <paramref name="elapsed"/>).
    /// </summary>
    /// <param name="spec">The run's spec.</param>
    /// <param name="strategy">A strategy for the spec's mode.</param>
    /// <param name="market">Data for the spec's period.</param>
    /// <param name="final">The checkpoint after the last hour.</param>
    /// <param name="segments">Segments covering every hour of the run, in order.</param>
    /// <param name="elapsed">Time the run took, for the summary.</param>
    public static BacktestResult Assemble(BacktestSpec spec, IStrategy strategy, MarketData market, SimulationCheckpoint final, IReadOnlyList<SimulationSegment> segments, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var simulation = Resume(spec, strategy, market, final);
        var hours = market.Grid.Hours;
        if (final.NextHour != hours)
        {
            throw new ArgumentException($"The final checkpoint is at hour {final.NextHour} of {hours}: the run is not finished.", nameof(final));
        }

        var timeseries = new Timeseries(market.Grid, simulation._columns);
        var events = new List<SimulationEvent>();
        var next = 0;
        foreach (var segment in segments)
        {
            simulation._run.RequireExtensionOf(segment.Run, "segment", nameof(segments));
            if (segment.FromHour != next || segment.Columns != simulation._columns.Count)
            {
                throw new ArgumentException($"The segments must cover the run's hours in order: expected one from hour {next} with {simulation._columns.Count} columns, got [{segment.FromHour}, {segment.ToHour}) with {segment.Columns}.", nameof(segments));
            }

            segment.Rows.CopyTo(timeseries.Rows(segment.FromHour, segment.ToHour));
            events.AddRange(segment.Events);
            next = segment.ToHour;
        }

        if (next != hours)
        {
            throw new ArgumentException($"The segments end at hour {next}; the run has {hours}.", nameof(segments));
        }

        return simulation.Result(timeseries, events, elapsed);
    }

    private BacktestResult Result(Timeseries timeseries, List<SimulationEvent> events, TimeSpan elapsed)
    {
        var equity = timeseries.Column("equity");
        var figures = PerformanceMetrics.Compute(_spec.InitialCapital, equity, _flows, _market.Grid);

        // Drawdown of the time-weighted index, so a withdrawal is not a loss and a deposit not a recovery.
        var drawdown = timeseries.IndexOf("drawdown");
        var peak = 1.0;
        var index = PerformanceMetrics.TimeWeightedIndex(_spec.InitialCapital, equity, _flows);
        for (var h = 0; h < index.Length; h++)
        {
            peak = Math.Max(peak, index[h]);
            timeseries.Row(h)[drawdown] = (index[h] / peak) - 1;
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
            FinalEquity = equity[^1],
            NetFlows = _flows.Sum(),
            Pnl = equity[^1] - _spec.InitialCapital - _flows.Sum(),
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
            BadDebt = _execution.BadDebt,
            MinHealthFactor = double.IsFinite(_minHealthFactor) ? _minHealthFactor : null,
            MaxLtv = _maxLtv,
            MinMarginRatio = double.IsFinite(_minMarginRatio) ? _minMarginRatio : null,
            MaxAbsDelta = _strategy.RiskAsset is null ? null : _maxAbsDelta,
            DataReport = new DataReport(_spec.DataSource, _market.Report),
            Scenario = _spec.Scenario ?? [],
            Overrides = _spec.Overrides ?? [],
            ConfigHash = _spec.ConfigHash,
            EngineVersion = BacktestEngine.Version,
            ElapsedMs = (long)elapsed.TotalMilliseconds,
        };

        return new BacktestResult(summary, timeseries, events, _portfolio.ToDictionary());
    }

    private void Simulate(int fromHour, int endHour, double[] rows, IProgress<BacktestProgress>? progress)
    {
        var hours = _market.Grid.Hours;
        for (var h = fromHour; h < endHour; h++)
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

            _cumulativeResidual += equity - _previousEquity - _flows[h] - explained;
            Record(rows.AsSpan((h - fromHour) * _columns.Count, _columns.Count), h, equity);
            _previousEquity = equity;
            NextHour = h + 1;

            if (progress is not null && (h % 720 == 719 || h == hours - 1))
            {
                progress.Report(new BacktestProgress(h + 1, hours));
            }
        }
    }

    /// <summary>Writes what <see cref="Restore"/> reads: the running totals, counters, positions, reward accruals and the strategy's state.</summary>
    private void WriteState(BinaryWriter writer)
    {
        writer.Write(_previousEquity);
        writer.Write(_cumulativeSources.Length);
        foreach (var total in _cumulativeSources)
        {
            writer.Write(total);
        }

        writer.Write(_cumulativeResidual);
        writer.Write(_minHealthFactor);
        writer.Write(_maxLtv);
        writer.Write(_minMarginRatio);
        writer.Write(_maxAbsDelta);
        writer.Write(_cumulativeFlows);
        writer.Write(_refusedFlowHours.Count);
        foreach (var hour in _refusedFlowHours)
        {
            writer.Write(hour);
        }

        _execution.WriteState(writer);
        _portfolio.WriteState(writer);
        _rewards.WriteState(writer, NextHour);

        // Length-prefixed, so a strategy that reads back less or more than it wrote is caught.
        var strategyState = StateBytes.Write(_strategy.WriteState);
        writer.Write(strategyState.Length);
        writer.Write(strategyState);
    }

    private void RequireNotFailed()
    {
        if (_failure is not null)
        {
            throw new InvalidOperationException($"The simulation failed at hour {NextHour} and cannot continue; resume from the last checkpoint taken before the failure.", _failure);
        }
    }

    private void Restore(SimulationCheckpoint checkpoint) => StateBytes.Read(checkpoint.State, "checkpoint's engine state", reader =>
    {
        NextHour = checkpoint.NextHour;
        _previousEquity = reader.ReadDouble();
        if (reader.ReadInt32() != _cumulativeSources.Length)
        {
            throw new InvalidDataException($"The checkpoint's attribution does not have this engine's {_cumulativeSources.Length} sources.");
        }

        for (var s = 0; s < _cumulativeSources.Length; s++)
        {
            _cumulativeSources[s] = reader.ReadDouble();
        }

        _cumulativeResidual = reader.ReadDouble();
        _minHealthFactor = reader.ReadDouble();
        _maxLtv = reader.ReadDouble();
        _minMarginRatio = reader.ReadDouble();
        _maxAbsDelta = reader.ReadDouble();
        _cumulativeFlows = reader.ReadDouble();
        var refused = reader.ReadInt32();
        for (var i = 0; i < refused; i++)
        {
            RefuseFlow(reader.ReadInt32());
        }

        _execution.ReadState(reader);
        _portfolio.ReadState(reader);
        _rewards.ReadState(reader, NextHour);
        var strategyState = reader.ReadBytes(reader.ReadInt32());
        StateBytes.Read(strategyState, $"state of strategy {_strategy.Mode}", strategyReader =>
        {
            _strategy.ReadState(strategyReader);
            return true;
        });
        return true;
    });

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
    /// and the rest by asking the strategy to unwind (slow). A withdrawal of more than the equity at its hour is
    /// refused (an event; the account cannot pay out what it does not have). Flows are kept out of attribution.
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
        var unit = _spec.Mode.ShareClass.Name();
        var time = _market.Grid.TimeOf(h);
        var equity = _valuation.EquitySc(_portfolio, h);
        if (needed > equity)
        {
            RefuseFlow(h);
            _execution.Record(new FlowRefusedEvent(time, amount, equity, string.Create(CultureInfo.InvariantCulture, $"the withdrawal of {needed:N2} {unit} at {time:yyyy-MM-ddTHH:mm:ssZ} is more than the equity at that hour ({equity:N2} {unit}); refused, nothing paid out")));
            return;
        }

        var freeCash = Math.Clamp(_portfolio.Quantity(_shareClassWallet), 0, needed);
        if (freeCash < needed)
        {
            _strategy.RaiseCash(_context, needed);
            var raised = _portfolio.Quantity(_shareClassWallet);
            if (raised < needed * (1 - 1e-9))
            {
                throw new WithdrawalFailedException($"The withdrawal of {needed} {unit} at {time:yyyy-MM-ddTHH:mm:ssZ} could not be raised: unwinding freed {raised}.");
            }
        }

        _execution.Flow(_shareClassWallet, amount, freeCash);
    }

    /// <summary>Drops a refused hour's flow, so returns, net flows and the reconciliation see none.</summary>
    private void RefuseFlow(int h)
    {
        _flows[h] = 0;
        _refusedFlowHours.Add(h);
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

        if (CapitalFlow.Overdraft(spec.InitialCapital, spec.Flows ?? [], spec.Mode.ShareClass.Name()) is { } overdraft)
        {
            throw new ArgumentException($"The capital flows cannot be paid: {overdraft}.", nameof(spec));
        }

        return flows;
    }

    private List<string> ColumnNames()
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

    private void Record(Span<double> row, int h, double equity)
    {
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
