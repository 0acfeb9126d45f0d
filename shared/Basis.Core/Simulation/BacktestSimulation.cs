using Basis.Core.Events;
using Basis.Core.Instruments;
using Basis.Core.Market;
using Basis.Core.Results;
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
/// <remarks>
/// This class is the time driver and the checkpoint; each step of the hour is its own class, as Lean's engine
/// handlers are: <see cref="FundingSettlement"/> and <see cref="RewardSettlement"/>, <see cref="AttributionRevaluation"/>,
/// <see cref="LiquidationEngine"/>, <see cref="CapitalFlowHandler"/>, the strategy through <see cref="SimulatedExecution"/>,
/// then <see cref="AttributionLedger"/> closes the hour and <see cref="ResultRecorder"/> writes its row.
/// </remarks>
public sealed class BacktestSimulation
{
    private readonly IStrategy _strategy;
    private readonly MarketData _market;
    private readonly RunIdentity _run;
    private readonly ValuationModel _valuation;
    private readonly Portfolio _portfolio = new();
    private readonly AttributionLedger _attribution = new();
    private readonly RiskExtremes _extremes = new();
    private readonly DeskLedger _desk;
    private readonly StrategyContext _context;
    private readonly FundingSettlement _funding;
    private readonly RewardSettlement _rewards;
    private readonly AttributionRevaluation _revaluation;
    private readonly LiquidationEngine _liquidations;
    private readonly CapitalFlowHandler _flows;
    private readonly ResultRecorder _recorder;
    private Exception? _failure;
    private string? _unwindReason;


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

        _strategy = strategy;
        _market = market;
        _run = RunIdentity.Of(spec, strategy, market.Grid);
        _valuation = new ValuationModel(market, spec.Mode, strategy);
        _desk = new DeskLedger(_portfolio, _valuation, spec.Venues, _attribution);
        var execution = new SimulatedExecution(_desk);
        StrategyContext? context = null;
        var strategyDesk = desk is null ? execution : desk(execution, intent => context!.NotionalUsd(intent));
        _context = context = new StrategyContext(_portfolio, _valuation, strategyDesk, spec.Venues);
        var perps = strategy.Instruments.Where(i => i.Key.Type == PositionType.Perp).ToArray();
        var hasAave = strategy.Instruments.Any(i => i.AaveReserve is not null);
        _funding = new FundingSettlement(_desk, perps);
        _rewards = new RewardSettlement(strategy, market, _valuation);
        _revaluation = new AttributionRevaluation(_portfolio, _valuation, _attribution);
        _liquidations = new LiquidationEngine(_desk, _extremes, perps, hasAave);
        _flows = new CapitalFlowHandler(spec, market.Grid, _desk);
        _recorder = new ResultRecorder(spec, strategy, _desk, _extremes, _flows, perps, hasAave);
    }

    /// <summary>The first hour not yet simulated.</summary>
    public int NextHour { get; private set; }

    /// <summary>
    /// Makes the next simulated hour an emergency unwind: after the hour's settlement, instead of deciding, the
    /// strategy frees everything it holds into the wallet at that hour's prices (<see cref="IStrategy.RaiseCash"/> of
    /// its whole equity), paying what unwinding costs. For the one hour only, and not kept in checkpoints: the live
    /// runtime that asks for it halts the instance after it.
    /// </summary>
    public void UnwindNextHour(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        _unwindReason = reason;
    }

    /// <summary>
    /// The USD value of one unit of <paramref name="instrument"/> at <paramref name="hour"/>, as the run values it: a
    /// token at its price, an LST at its rate in ETH (and any stressed depeg), an AAVE reserve token with its index.
    /// </summary>
    public double UsdPerUnit(Instrument instrument, int hour)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return _valuation.UnderlyingPerUnit(instrument, hour) * _valuation.UsdPrice(instrument.PricedIn)[hour];
    }

    /// <summary>The run's timeseries columns, in the order of a segment's rows.</summary>
    public IReadOnlyList<string> Columns => _recorder.Columns;

    /// <summary>A run at its first hour, with the initial capital in the wallet.</summary>
    /// <param name="spec">What to run.</param>
    /// <param name="strategy">A fresh strategy for the spec's mode.</param>
    /// <param name="market">Data already loaded (and stressed) for the spec's period.</param>
    /// <param name="desk">What stands between the strategy and the simulated desk (a safety gate); none in a backtest.</param>
    public static BacktestSimulation Start(BacktestSpec spec, IStrategy strategy, MarketData market, DeskFactory? desk = null)
    {
        var simulation = new BacktestSimulation(spec, strategy, market, desk);
        simulation._portfolio.Add(simulation._flows.ShareClassWallet, spec.InitialCapital);
        simulation._attribution.Open(spec.InitialCapital);
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
        var rows = new double[(endHour - fromHour) * Columns.Count];
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

        var segment = new SimulationSegment(_run, fromHour, endHour, Columns.Count, rows, [.. _desk.Events]);
        _desk.Events.Clear();
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

        var timeseries = new Timeseries(market.Grid, simulation.Columns);
        var events = new List<SimulationEvent>();
        var next = 0;
        foreach (var segment in segments)
        {
            simulation._run.RequireExtensionOf(segment.Run, "segment", nameof(segments));
            if (segment.FromHour != next || segment.Columns != simulation.Columns.Count)
            {
                throw new ArgumentException($"The segments must cover the run's hours in order: expected one from hour {next} with {simulation.Columns.Count} columns, got [{segment.FromHour}, {segment.ToHour}) with {segment.Columns}.", nameof(segments));
            }

            segment.Rows.CopyTo(timeseries.Rows(segment.FromHour, segment.ToHour));
            events.AddRange(segment.Events);
            next = segment.ToHour;
        }

        if (next != hours)
        {
            throw new ArgumentException($"The segments end at hour {next}; the run has {hours}.", nameof(segments));
        }

        return simulation._recorder.Result(market, timeseries, events, elapsed);
    }

    private void Simulate(int fromHour, int endHour, double[] rows, IProgress<BacktestProgress>? progress)
    {
        var hours = _market.Grid.Hours;
        var width = Columns.Count;
        for (var h = fromHour; h < endHour; h++)
        {
            _attribution.BeginHour();
            _desk.Hour = h;
            _context.Hour = h;
            if (h > 0)
            {
                _funding.Settle(h);
                _revaluation.Revalue(h);
                _rewards.Settle(h, _desk);
                _liquidations.Liquidate(h);
                _flows.Apply(h, _strategy, _context);
            }

            if (_unwindReason is { } reason)
            {
                _unwindReason = null;
                _context.Decide(StrategyActions.ExitFull, reason);
                _strategy.RaiseCash(_context, _context.EquitySc, "the emergency unwind");
            }
            else
            {
                _strategy.OnHour(_context);
            }

            _rewards.RecordHolding(_portfolio, _valuation, h);

            var equity = _valuation.EquitySc(_portfolio, h);
            if (!double.IsFinite(equity))
            {
                throw MissingPriceException.For(_portfolio, _valuation, h);
            }

            _attribution.CloseHour(equity, _flows.ByHour[h]);
            _recorder.Record(rows.AsSpan((h - fromHour) * width, width), h, equity);
            NextHour = h + 1;

            if (progress is not null && (h % 720 == 719 || h == hours - 1))
            {
                progress.Report(new BacktestProgress(h + 1, hours));
            }
        }
    }

    /// <summary>
    /// Writes what <see cref="Restore"/> reads: the running totals, counters, positions, reward accruals and the
    /// strategy's state. The order is the checkpoint format: a new part goes at the end of its owner's state.
    /// </summary>
    private void WriteState(BinaryWriter writer)
    {
        _attribution.WriteState(writer);
        _extremes.WriteState(writer);
        _flows.WriteState(writer);
        _desk.WriteState(writer);
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
        _attribution.ReadState(reader);
        _extremes.ReadState(reader);
        _flows.ReadState(reader);
        _desk.ReadState(reader);
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
}
