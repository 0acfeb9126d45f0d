using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Basis.Core.Events;
using Basis.Core.Instruments;
using Basis.Core.Market;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Core.Trading;
using Basis.Data.Results;
using Basis.Live.Ledger;
using Basis.Orchestrations.Backtests;

namespace Basis.Orchestrations.Live;

/// <summary>
/// One cycle of a paper instance: the strategy decides on every hour since the last cycle, with the backtest's
/// engine and cost model (DESIGN §11: paper = market data as it comes, simulated fills), behind the safety gate,
/// and everything it did goes to the ledger. The run is the instance's open-ended backtest from its first hour,
/// extended by the hours seen since the last cycle and continued from the ledger's checkpoint, so paper and backtest
/// agree by construction on the same market path.
/// </summary>
/// <remarks>
/// Each hour's activity, decisions and equity are written before the checkpoint moves past it, and every write is
/// idempotent: a cycle cut short (a crash, a redeployment) is run again from the old checkpoint and records nothing
/// twice.
/// </remarks>
public sealed class PaperCycle
{
    /// <summary>
    /// Spans of a cycle's phases (<c>read-state</c>, <c>market-data</c>, <c>extend</c>, <c>simulate</c> and
    /// <c>record</c> per hour, <c>checkpoint</c>), for tracing and the benchmarks; free when nothing listens.
    /// </summary>
    public static readonly ActivitySource Tracing = new("Basis.Live.PaperCycle");

    private readonly BacktestWorkspace _workspace;
    private readonly PostgresLiveLedger _ledger;
    private readonly TimeProvider _time;

    /// <summary>Creates the cycle runner over the backtests' workspace (configuration and market data) and the ledger.</summary>
    public PaperCycle(BacktestWorkspace workspace, PostgresLiveLedger ledger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(time);
        _workspace = workspace;
        _ledger = ledger;
        _time = time;
    }

    /// <summary>
    /// Runs the instance up to and including the hour of <paramref name="cycleUtc"/>; nothing when the ledger's
    /// checkpoint is already past it.
    /// </summary>
    /// <param name="instance">The instance, as the ledger has it.</param>
    /// <param name="limits">What the safety gate holds the strategy's intents to (paper sends nothing, so not read-only).</param>
    /// <param name="stopLossPct">
    /// The emergency stop loss: when an hour leaves equity more than this many percent below its high-water mark, that
    /// hour is run again as an unwind (everything freed into the wallet at its prices) and the cycle stops there.
    /// </param>
    /// <param name="cycleUtc">When the cycle runs: its hour is the last one simulated.</param>
    /// <param name="unwind">
    /// Why to unwind (an operator's emergency stop), or null: the instance's next hour is then an unwind into cash and
    /// the cycle stops after it.
    /// </param>
    /// <param name="breaker">
    /// The circuit breaker: each hour ending under its floors is recorded, and when it is enabled the cycle stops after
    /// the first hour that trips it. <see cref="BreakerPolicy.Off"/> when null.
    /// </param>
    /// <param name="execution">
    /// A real instance's venue side: each hour's orders are recorded with the hour, and an hour it refuses is not run
    /// (the cycle stops before it, the checkpoint stays there). Null for paper.
    /// </param>
    /// <param name="cancellationToken">Stops between hours.</param>
    public async Task<PaperCycleOutcome> RunAsync(
        LiveInstance instance, SafetyLimits limits, double stopLossPct, DateTimeOffset cycleUtc, string? unwind = null, BreakerPolicy? breaker = null, IHourExecution? execution = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(limits);
        breaker ??= BreakerPolicy.Off;
        var start = WholeHour(instance.CreatedUtc);
        var end = WholeHour(cycleUtc).AddHours(1);
        LedgerCheckpoint? checkpoint;
        List<CapitalFlow> flows;
        double peak;
        using (Tracing.StartActivity("read-state"))
        {
            checkpoint = await _ledger.GetCheckpointAsync(instance.Id, cancellationToken).ConfigureAwait(false);
            if (end <= start || (checkpoint is not null && checkpoint.NextHourUtc.UtcDateTime >= end))
            {
                return new PaperCycleOutcome(instance.Id, end, 0, null, 0);
            }

            // Deposits and withdrawals the operator made are capital flows of the run, from the hour they were made.
            flows = (await _ledger.ListCapitalFlowsAsync(instance.Id, cancellationToken).ConfigureAwait(false))
                .Where(f => f.TimeUtc.UtcDateTime < end)
                .Select(f => new CapitalFlow(f.TimeUtc.UtcDateTime, (double)f.Amount))
                .ToList();
            peak = (double)(await _ledger.PeakEquityAsync(instance.Id, cancellationToken).ConfigureAwait(false) ?? 0);
        }

        PreparedBacktest prepared;
        MarketData market;
        using (Tracing.StartActivity("market-data"))
        {
            prepared = _workspace.Prepare(instance.Id, new BacktestRequest(instance.Mode, start, end, (double)instance.Capital, Flows: flows));
            market = await _workspace.GrowingMarketAsync(prepared, cancellationToken).ConfigureAwait(false);
        }

        var spec = prepared.Spec with { OpenEnded = true };
        SafetyGate? gate = null;
        DeskFactory desk = (simulated, notionalUsd) => gate = new SafetyGate(simulated, limits, notionalUsd);

        // An unwind reduces risk: the gate still splits its trades to the maximum size but never refuses one.
        DeskFactory unwindDesk = (simulated, notionalUsd) => gate = new SafetyGate(simulated, limits with { MaxParts = int.MaxValue }, notionalUsd);
        BacktestSimulation simulation;
        using (Tracing.StartActivity("extend"))
        {
            simulation = checkpoint is null
                ? BacktestSimulation.Start(spec, prepared.Strategy, market, unwind is null ? desk : unwindDesk)
                : BacktestSimulation.Extend(spec, prepared.Strategy, market, SimulationCheckpoint.FromBytes(checkpoint.State), unwind is null ? desk : unwindDesk);
        }

        if (unwind is not null)
        {
            if (checkpoint is null)
            {
                return new PaperCycleOutcome(instance.Id, start, 0, null, 0);
            }

            simulation.UnwindNextHour(unwind);
        }

        var columns = new ColumnIndex(simulation.Columns);
        var (hours, interventions, verdictsSeen) = (0, 0, 0);
        double equity = double.NaN;
        double? recordedEquity = null;
        string? stopLoss = null;
        (SimulationCheckpoint Before, DateTime HourUtc, string Reason)? refused = null;
        var (unwound, tripped) = (false, false);
        while (simulation.NextHour < market.Grid.Hours && stopLoss is null && !unwound && !tripped)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hour = simulation.NextHour;
            var hourUtc = new DateTimeOffset(market.Grid.TimeOf(hour));
            SimulationSegment segment;
            SimulationCheckpoint before;
            using (Tracing.StartActivity("simulate"))
            {
                before = simulation.Checkpoint();
                segment = simulation.RunUntil(hour + 1);
                equity = segment.Row(hour)[columns.Equity];
                peak = Math.Max(peak, equity);
                if ((peak - equity) / peak * 100 > stopLossPct)
                {
                    // The hour again from before it, the strategy unwinding instead of deciding, at the prices that tripped it.
                    stopLoss = string.Create(CultureInfo.InvariantCulture,
                        $"emergency stop loss: equity {equity:0.##} is {(peak - equity) / peak * 100:0.###} % below its high-water mark {peak:0.##}, past the {stopLossPct:0.###} % limit");
                    simulation = BacktestSimulation.Extend(spec, StrategyCatalog.Create(spec.Mode), market, before, unwindDesk);
                    verdictsSeen = 0;
                    simulation.UnwindNextHour(stopLoss + "; unwind everything and halt");
                    segment = simulation.RunUntil(hour + 1);
                    equity = segment.Row(hour)[columns.Equity];
                }
            }

            var verdicts = gate!.Decisions.Skip(verdictsSeen).ToList();
            verdictsSeen += verdicts.Count;
            interventions += verdicts.Count(v => v.Verdict != GateVerdict.Passed);
            var run = simulation;
            var plan = execution?.Plan(hourUtc, verdicts, columns.Book(segment.Row(hour)), instrument => run.UsdPerUnit(instrument, hour));
            if (plan?.Refusal is { } refusal)
            {
                refused = (before, hourUtc.UtcDateTime, refusal);
                break;
            }

            var ledgerEquity = new LedgerEquity(instance.Id, hourUtc, (decimal)equity, columns.AttributionJson(segment.Row(hour)));
            using (Tracing.StartActivity("record"))
            {
                var activity = HourActivity(instance.Id, hourUtc, segment.Events, verdicts, columns.FloorBreaches(segment.Row(hour), breaker));
                tripped = breaker.Enabled && activity.Any(a => a.TripsBreaker);
                var decisions = segment.Events.OfType<RebalanceEvent>().Select(d => new LedgerDecision(instance.Id, hourUtc, d.Action, d.Reason)).ToList();
                await _ledger.RecordHourAsync(activity, decisions, ledgerEquity, plan?.Orders, plan?.ChainSteps, cancellationToken).ConfigureAwait(false);
            }

            hours++;
            recordedEquity = equity;
            unwound = unwind is not null;
        }

        var next = refused?.HourUtc ?? market.Grid.TimeOf(simulation.NextHour);
        using var saving = Tracing.StartActivity("checkpoint");
        var state = refused?.Before ?? simulation.Checkpoint();
        await _ledger.SaveCheckpointAsync(new LedgerCheckpoint(instance.Id, next, state.ToBytes(), _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return new PaperCycleOutcome(instance.Id, next, hours, recordedEquity, interventions, stopLoss, refused?.Reason);
    }

    /// <summary>The hour's ledger activity: its events, the gate's verdicts, then the figures that ended it under a floor.</summary>
    private static List<LedgerActivity> HourActivity(
        string instanceId, DateTimeOffset hourUtc, IReadOnlyList<SimulationEvent> events, IReadOnlyList<GateDecision> verdicts, IReadOnlyList<FloorBreach> breaches)
    {
        var activity = new List<LedgerActivity>(events.Count + verdicts.Count + breaches.Count);
        foreach (var simulationEvent in events)
        {
            var json = JsonSerializer.Serialize(simulationEvent, ResultJson.Compact);
            activity.Add(new LedgerActivity(instanceId, hourUtc, activity.Count, KindOf(json), json));
        }

        foreach (var verdict in verdicts)
        {
            activity.Add(new LedgerActivity(instanceId, hourUtc, activity.Count, LedgerActivity.GateKind, JsonSerializer.Serialize(new
            {
                intent = verdict.Intent.GetType().Name,
                reason = verdict.Intent.Reason,
                notional_usd = verdict.NotionalUsd,
                verdict = verdict.Verdict.ToString().ToLowerInvariant(),
                parts = verdict.Parts,
                executed = verdict.Executed,
                detail = verdict.Detail,
            })));
        }

        foreach (var breach in breaches)
        {
            activity.Add(new LedgerActivity(instanceId, hourUtc, activity.Count, "risk_floor", JsonSerializer.Serialize(new { metric = breach.Metric, value = breach.Value, floor = breach.Floor })));
        }

        return activity;
    }

    /// <summary>The event's type as events.jsonl names it (<c>trade</c>, <c>rebalance</c>, ...).</summary>
    private static string KindOf(string eventJson)
    {
        using var document = JsonDocument.Parse(eventJson);
        return document.RootElement.GetProperty("type").GetString() ?? "event";
    }

    private static DateTime WholeHour(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerHour), DateTimeKind.Utc);

    /// <summary>A figure of the hour under its floor: <c>health_factor</c> or a perp's <c>margin_ratio_{venue}_{symbol}</c>.</summary>
    private sealed record FloorBreach(string Metric, double Value, double Floor);

    /// <summary>Where the ledger's figures sit in a segment's rows.</summary>
    private sealed class ColumnIndex
    {
        public ColumnIndex(IReadOnlyList<string> columns)
        {
            Equity = Find(columns, "equity");
            Attribution = [.. AttributionSources.All.Select(s => (s.Name(), Find(columns, s.Name())))];
            HealthFactor = columns.ToList().IndexOf("health_factor");
            MarginRatios = [.. columns.Select((name, c) => (name, c)).Where(m => m.name.StartsWith("margin_ratio_", StringComparison.Ordinal))];
            BookColumns = [.. columns.Select((name, c) => (name, c)).Where(p => p.name.Contains(":Perp:", StringComparison.Ordinal) || p.name.Contains(":BaseToken:", StringComparison.Ordinal))
                .Select(p => (InstrumentKey.Parse(p.name), p.c))];
        }

        private IReadOnlyList<(InstrumentKey Key, int Column)> BookColumns { get; }

        /// <summary>What the book holds at the end of the hour that a real desk steers the venues to: perpetual sizes and token balances.</summary>
        public IReadOnlyDictionary<InstrumentKey, double> Book(ReadOnlySpan<double> row)
        {
            var book = new Dictionary<InstrumentKey, double>(BookColumns.Count);
            foreach (var (key, column) in BookColumns)
            {
                book[key] = row[column];
            }

            return book;
        }

        public int Equity { get; }

        /// <summary>The health factor's column, or −1 for a mode without AAVE.</summary>
        private int HealthFactor { get; }

        private IReadOnlyList<(string Name, int Column)> MarginRatios { get; }

        /// <summary>The hour's figures under their floors (infinite ones, a book without debt or a venue without a position, never are).</summary>
        public IReadOnlyList<FloorBreach> FloorBreaches(ReadOnlySpan<double> row, BreakerPolicy breaker)
        {
            var breaches = new List<FloorBreach>();
            if (HealthFactor >= 0 && double.IsFinite(row[HealthFactor]) && row[HealthFactor] < breaker.HealthFactorFloor)
            {
                breaches.Add(new FloorBreach("health_factor", row[HealthFactor], breaker.HealthFactorFloor));
            }

            foreach (var (name, column) in MarginRatios)
            {
                if (double.IsFinite(row[column]) && row[column] < breaker.MarginRatioFloor)
                {
                    breaches.Add(new FloorBreach(name, row[column], breaker.MarginRatioFloor));
                }
            }

            return breaches;
        }

        private IReadOnlyList<(string Name, int Column)> Attribution { get; }

        /// <summary>P&amp;L by source since the instance's start, as the ledger keeps it.</summary>
        public string AttributionJson(ReadOnlySpan<double> row)
        {
            var attribution = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (name, column) in Attribution)
            {
                attribution[name] = row[column];
            }

            return JsonSerializer.Serialize(attribution);
        }

        private static int Find(IReadOnlyList<string> columns, string name)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                if (columns[c] == name)
                {
                    return c;
                }
            }

            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The engine's rows have no '{name}' column."));
        }
    }
}
