using System.Globalization;
using System.Text.Json;
using Basis.Core.Instruments;
using Basis.Core.Settings;
using Basis.Core.Trading;
using Basis.Live.Execution;
using Basis.Live.Ledger;
using Basis.Live.Reconciliation;
using Basis.Live.Safety;
using Basis.Orchestrations.Backtests;
using Basis.Venues.Exchanges;

namespace Basis.Orchestrations.Live;

/// <summary>
/// The live side of a host: what a cycle and a heartbeat do for an instance, behind every limit of
/// <c>BASIS_LIVE_TRADING__*</c> (DESIGN §11). A paper instance sends nothing anywhere, so read-only does not hold it
/// back. A real instance runs the same book, and its venue side goes out through the real desk (perpetual orders
/// only, so far) while the execution gate allows it: <c>ENABLED</c>, not <c>READ_ONLY</c>, and the credentials.
/// An instance's own limits (its <c>max_trade_size_usd</c>, <c>emergency_stop_loss_pct</c>, <c>health_factor_floor</c>
/// and <c>margin_ratio_floor</c>) can only tighten the host's.
/// </summary>
public sealed class LiveRuntime
{
    /// <summary>How many of the latest breaches are searched for the one of a tripped hour: more than a cycle ever records.</summary>
    private const int RecentBreaches = 20;

    private readonly LiveLedgerSource _ledger;
    private readonly PaperCycleFactory _paper;
    private readonly LiveTradingSettings _settings;
    private readonly TimeProvider _time;
    private readonly LiveReconciliation? _reconciliation;
    private readonly RealExecution? _real;
    private readonly BacktestWorkspace _workspace;

    /// <summary>
    /// Creates the runtime over the host's ledger, backtest workspace and live-trading settings, how it reconciles
    /// real instances and how it trades them (none: a reconciliation or a real cycle says it is not set up).
    /// </summary>
    public LiveRuntime(LiveLedgerSource ledger, BacktestWorkspace workspace, LiveTradingSettings settings, TimeProvider time, LiveReconciliation? reconciliation = null, RealExecution? real = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        _ledger = ledger;
        _paper = new PaperCycleFactory(workspace, time);
        _settings = settings;
        _time = time;
        _reconciliation = reconciliation;
        _real = real;
        _workspace = workspace;
    }

    /// <summary>True when the host has a ledger database, without which it has no live side.</summary>
    public bool IsConfigured => _ledger.IsConfigured;

    /// <summary>
    /// A cycle of the instance at <paramref name="cycleUtc"/>: nothing unless it is active and its heartbeat is fresh
    /// (and, for a real instance, the execution gate allows it and the orders left from the last cycle went out); then
    /// the book's cycle, the real instance's orders sent, then the emergency stop loss on the equity it recorded.
    /// </summary>
    public async Task<LiveCycleResult> RunCycleAsync(string instanceId, DateTimeOffset cycleUtc, CancellationToken cancellationToken = default)
    {
        var ledger = await _ledger.OpenAsync(cancellationToken).ConfigureAwait(false);
        var instance = await ledger.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return new LiveCycleResult(instanceId, false, "there is no such instance");
        }

        if (instance.Status == LiveInstanceStatus.Halted && await UnwindRequest.IsPendingAsync(ledger, instanceId, cancellationToken).ConfigureAwait(false))
        {
            return await UnwindAsync(ledger, instance, cycleUtc, cancellationToken).ConfigureAwait(false);
        }

        if (instance.Status != LiveInstanceStatus.Active)
        {
            return new LiveCycleResult(instanceId, false, $"the instance is {instance.Status.ToString().ToLowerInvariant()}: only an active instance trades");
        }

        var now = _time.GetUtcNow();
        var beats = await ledger.LatestEventsAsync(instanceId, LedgerEventKind.Heartbeat, 1, cancellationToken).ConfigureAwait(false);
        var heartbeat = beats.Count > 0 ? beats[0] : null;
        if (heartbeat is null || now - heartbeat.OccurredUtc > _settings.HeartbeatTimeout)
        {
            var missed = heartbeat is null
                ? "no heartbeat yet"
                : string.Create(CultureInfo.InvariantCulture, $"the last heartbeat was at {heartbeat.OccurredUtc:u}, more than {_settings.HeartbeatTimeout.TotalSeconds:0} s ago");
            var breach = $"heartbeat missed: {missed}; no new orders until it beats again";
            await ledger.AppendEventAsync(new LedgerEvent(instanceId, LedgerEventKind.Breach, breach, null, now), cancellationToken).ConfigureAwait(false);
            return new LiveCycleResult(instanceId, false, breach);
        }

        var limits = InstanceLimits.Of(instance, _settings);
        var checkpoint = await ledger.GetCheckpointAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var firstHour = checkpoint?.NextHourUtc ?? instance.CreatedUtc;

        // A cycle that trips the breaker moves the checkpoint before the instance is halted: a crash in between leaves a
        // trip at the last hour run and no breach for it. That halt is made now, before another hour trades. The trips
        // are looked for first: almost every cycle has none, and then the breaches need not be read.
        var lastHour = firstHour.AddHours(-1);
        if (_settings.CircuitBreakerEnabled && checkpoint is not null
            && (await ledger.ListBreakerActivityAsync(instanceId, lastHour, cancellationToken).ConfigureAwait(false)).Count > 0
            && !await BreachRecordedForAsync(ledger, instanceId, lastHour, cancellationToken).ConfigureAwait(false)
            && await BreakAsync(ledger, instance, lastHour, cancellationToken).ConfigureAwait(false) is { } lost)
        {
            return new LiveCycleResult(instanceId, false, lost);
        }

        var (outcome, stopped) = await RunBookAsync(ledger, instance, new SafetyLimits(ReadOnly: false, limits.MaxTradeSizeUsd), limits.EmergencyStopLossPct, cycleUtc, unwind: null, limits.Breaker, cancellationToken).ConfigureAwait(false);
        if (stopped is not null)
        {
            return stopped;
        }

        if (outcome!.Refusal is { } refusal)
        {
            return await RefuseAsync(ledger, instance, refusal, outcome, cancellationToken).ConfigureAwait(false);
        }

        if (outcome.StopLoss is { } stopLoss)
        {
            await HaltAsync(ledger, instance, stopLoss, limits.EmergencyStopLossPct, outcome, cancellationToken).ConfigureAwait(false);
        }

        else if (_settings.CircuitBreakerEnabled && await BreakAsync(ledger, instance, firstHour, cancellationToken).ConfigureAwait(false) is { } tripped)
        {
            return new LiveCycleResult(instanceId, true, tripped, outcome.Hours, outcome.EquitySc);
        }

        var detail = outcome.StopLoss is { } reason
            ? $"{reason}: unwound into the wallet at that hour and halted"
            : string.Create(CultureInfo.InvariantCulture, $"{outcome.Hours} hour(s) run, {outcome.GateInterventions} intent(s) split or refused by the safety gate");
        return new LiveCycleResult(instanceId, true, detail, outcome.Hours, outcome.EquitySc);
    }

    /// <summary>
    /// Compares what the ledger says a real instance holds with what its venues hold (<see cref="Reconciler"/>). A clean
    /// report is recorded as a <see cref="LedgerEventKind.Reconciled"/> event. Anything else (a holding off beyond its
    /// tolerance, one the ledger does not know, one missing, a venue that cannot be read) halts an active instance when
    /// the circuit breaker is on, with a breach listing what differs, and is an alert otherwise. A paper instance holds
    /// nothing at the venues, so it has nothing to reconcile.
    /// </summary>
    public async Task<LiveCycleResult> ReconcileAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var ledger = await _ledger.OpenAsync(cancellationToken).ConfigureAwait(false);
        var instance = await ledger.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return new LiveCycleResult(instanceId, false, "there is no such instance");
        }

        if (instance.ExecutionKind == ExecutionKind.Paper)
        {
            return new LiveCycleResult(instanceId, false, "a paper instance holds nothing at the venues: nothing to reconcile");
        }

        if (_reconciliation is null)
        {
            return new LiveCycleResult(instanceId, false, "this host has no reconciliation set up (no venue readers)");
        }

        var expected = await ledger.RebuildPositionsAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var report = await _reconciliation.Reconciler.ReconcileAsync(expected, instance.Venues, _reconciliation.Venues.ReadersOf(instance), cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var details = JsonSerializer.Serialize(report.Lines.Select(line => new
        {
            location = line.Location,
            kind = line.Kind.ToString().ToLowerInvariant(),
            item = line.Item,
            expected = line.Expected,
            actual = line.Actual,
            status = line.Status.ToString().ToLowerInvariant(),
            failure = line.Failure?.Message,
        }));
        if (report.IsClean)
        {
            var inTransit = report.Lines.Count(line => line.Status == ReconciliationStatus.InTransit);
            var matched = string.Create(CultureInfo.InvariantCulture, $"reconciled: the venues hold what the ledger says ({report.Lines.Count - inTransit} holding(s) within tolerance{(inTransit > 0 ? $", {inTransit} in transit" : null)})");
            await ledger.AppendEventAsync(new LedgerEvent(instanceId, LedgerEventKind.Reconciled, matched, details, now), cancellationToken).ConfigureAwait(false);
            return new LiveCycleResult(instanceId, true, matched);
        }

        var breaks = report.Breaks.ToList();
        var differ = string.Create(CultureInfo.InvariantCulture, $"reconciliation: {breaks.Count} holding(s) differ from the ledger: {string.Join("; ", breaks.Take(3).Select(Describe))}{(breaks.Count > 3 ? "; …" : string.Empty)}");
        if (_settings.CircuitBreakerEnabled
            && await ledger.ChangeStatusAsync(instanceId, [LiveInstanceStatus.Active], LiveInstanceStatus.Halted, now, cancellationToken).ConfigureAwait(false) is not null)
        {
            var breach = $"circuit breaker: {differ}; the instance is halted until an operator acknowledges it";
            await ledger.AppendEventAsync(new LedgerEvent(instanceId, LedgerEventKind.Breach, breach, details, now), cancellationToken).ConfigureAwait(false);
            return new LiveCycleResult(instanceId, true, breach);
        }

        await ledger.AppendEventAsync(new LedgerEvent(instanceId, LedgerEventKind.Alert, differ, details, now), cancellationToken).ConfigureAwait(false);
        return new LiveCycleResult(instanceId, true, differ);
    }

    /// <summary>The instances the reconcile timer compares with their venues: the real ones not retired.</summary>
    public async Task<IReadOnlyList<string>> InstancesToReconcileAsync(CancellationToken cancellationToken = default)
    {
        var ledger = await _ledger.OpenAsync(cancellationToken).ConfigureAwait(false);
        return [.. (await ledger.ListInstancesAsync(cancellationToken).ConfigureAwait(false))
            .Where(i => i.ExecutionKind == ExecutionKind.Real && i.Status != LiveInstanceStatus.Stopped)
            .Select(i => i.Id)];
    }

    /// <summary>
    /// Records a deposit (positive) or withdrawal (negative) of <paramref name="amount"/> share-class units into or out
    /// of the instance, applied by its engine at the next whole hour: a withdrawal is paid from idle cash first and the
    /// rest by unwinding pro rata. Returns the hour it applies at. Throws <see cref="LiveFlowRefusedException"/> for a
    /// zero amount or a withdrawal larger than the instance's last recorded equity, and
    /// <see cref="KeyNotFoundException"/> for an unknown instance.
    /// </summary>
    public async Task<DateTimeOffset> RecordFlowAsync(string instanceId, decimal amount, CancellationToken cancellationToken = default)
    {
        if (amount == 0)
        {
            throw new LiveFlowRefusedException("A deposit or withdrawal needs a non-zero amount.");
        }

        var ledger = await _ledger.OpenAsync(cancellationToken).ConfigureAwait(false);
        var instance = await ledger.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"There is no live instance '{instanceId}'.");
        var equity = await ledger.ListEquityAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var available = equity.Count > 0 ? equity[^1].Equity : instance.Capital;
        if (-amount > available)
        {
            throw new LiveFlowRefusedException(string.Create(CultureInfo.InvariantCulture, $"The withdrawal of {-amount} {instance.ShareClass.ToUpperInvariant()} is larger than the instance's equity ({available:0.##})."));
        }

        var now = _time.GetUtcNow();
        var at = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero).AddHours(1);
        var (from, to) = amount > 0 ? ((string?)null, (string?)"wallet") : ("wallet", null);
        await ledger.AppendTransferAsync(new LedgerTransfer(instanceId, $"flow-{Guid.NewGuid():N}", instance.ShareClass.ToUpperInvariant(), Math.Abs(amount), 0m, from, to, at), cancellationToken).ConfigureAwait(false);
        return at;
    }

    /// <summary>Records that every active instance is alive now; returns how many beat.</summary>
    public async Task<int> BeatAsync(CancellationToken cancellationToken = default)
    {
        var ledger = await _ledger.OpenAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var beats = 0;
        foreach (var instance in await ledger.ListInstancesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (instance.Status == LiveInstanceStatus.Active)
            {
                await ledger.AppendEventAsync(new LedgerEvent(instance.Id, LedgerEventKind.Heartbeat, "alive", null, now), cancellationToken).ConfigureAwait(false);
                beats++;
            }
        }

        return beats;
    }

    /// <summary>The instances a rebalance timer asks for a cycle: the active ones, and the halted ones an operator asked to unwind.</summary>
    public async Task<IReadOnlyList<string>> InstancesDueAsync(CancellationToken cancellationToken = default)
    {
        var ledger = await _ledger.OpenAsync(cancellationToken).ConfigureAwait(false);
        var due = new List<string>();
        foreach (var instance in await ledger.ListInstancesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (instance.Status == LiveInstanceStatus.Active
                || (instance.Status == LiveInstanceStatus.Halted && await UnwindRequest.IsPendingAsync(ledger, instance.Id, cancellationToken).ConfigureAwait(false)))
            {
                due.Add(instance.Id);
            }
        }

        return due;
    }

    /// <summary>
    /// The operator's emergency stop: the instance's next hour is an unwind into cash, then it stays halted. Waits for
    /// that hour when the instance has already run up to now; nothing to do for one that never ran. A real instance's
    /// unwind is followed until what it sent has arrived.
    /// </summary>
    private async Task<LiveCycleResult> UnwindAsync(PostgresLiveLedger ledger, LiveInstance instance, DateTimeOffset cycleUtc, CancellationToken cancellationToken)
    {
        const string Reason = "emergency stop by the operator: unwind everything";
        if (instance.ExecutionKind == ExecutionKind.Real && await UnwindRequest.IsSentAsync(ledger, instance.Id, cancellationToken).ConfigureAwait(false))
        {
            return await FollowUnwindAsync(ledger, instance, cancellationToken).ConfigureAwait(false);
        }

        var (outcome, stopped) = await RunBookAsync(ledger, instance, new SafetyLimits(ReadOnly: false, double.MaxValue), double.PositiveInfinity, cycleUtc, Reason, breaker: null, cancellationToken).ConfigureAwait(false);
        if (stopped is not null)
        {
            return stopped;
        }

        if (outcome!.Refusal is { } refusal)
        {
            var alert = $"emergency stop by the operator: the unwind cannot be sent: {refusal}; unwind the venues by hand";
            await ledger.AppendEventAsync(new LedgerEvent(instance.Id, LedgerEventKind.Alert, alert, null, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            return new LiveCycleResult(instance.Id, false, alert);
        }

        if (outcome.Hours == 0 && await ledger.GetCheckpointAsync(instance.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            return new LiveCycleResult(instance.Id, false, "the emergency unwind waits for the next hour's prices");
        }

        // A real unwind is done once what it sent has arrived (a withdrawal on its way to the wallet, a deposit to a
        // venue): until then the request stays pending, and later cycles only follow what was sent (another hour of the
        // book would trade again).
        if (instance.ExecutionKind == ExecutionKind.Real)
        {
            var open = (await ledger.ListOpenChainStepsAsync(instance.Id, cancellationToken).ConfigureAwait(false)).Count
                + (await ledger.ListOpenOrdersAsync(instance.Id, cancellationToken).ConfigureAwait(false)).Count;
            if (open > 0)
            {
                var sent = $"unwinding: the unwind was sent at {outcome.NextHourUtc.AddHours(-1):yyyy-MM-ddTHH:mm}Z and {open} of its orders and steps are still on their way; it is done once they have arrived";
                await ledger.AppendEventAsync(new LedgerEvent(instance.Id, LedgerEventKind.Alert, $"emergency stop by the operator: {sent}", UnwindRequest.SentDetails, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                return new LiveCycleResult(instance.Id, true, sent, outcome.Hours, outcome.EquitySc);
            }
        }

        var done = outcome.Hours == 0 ? "nothing to unwind: the instance never traded" : Unwound(outcome.NextHourUtc);
        await RecordUnwoundAsync(ledger, instance, done, cancellationToken).ConfigureAwait(false);
        return new LiveCycleResult(instance.Id, true, done, outcome.Hours, outcome.EquitySc);
    }

    /// <summary>
    /// Follows a real unwind that was sent: its outbox only (the book runs no further hour, which would trade again);
    /// done once nothing is left on its way.
    /// </summary>
    private async Task<LiveCycleResult> FollowUnwindAsync(PostgresLiveLedger ledger, LiveInstance instance, CancellationToken cancellationToken)
    {
        var (_, held) = await RealSideAsync(ledger, instance, double.MaxValue, cancellationToken).ConfigureAwait(false);
        if (held is not null)
        {
            return held;
        }

        var checkpoint = await ledger.GetCheckpointAsync(instance.Id, cancellationToken).ConfigureAwait(false);
        var done = Unwound(checkpoint!.NextHourUtc);
        await RecordUnwoundAsync(ledger, instance, done, cancellationToken).ConfigureAwait(false);
        return new LiveCycleResult(instance.Id, true, done);
    }

    /// <summary>How an unwind whose last hour ends at <paramref name="nextHourUtc"/> is reported.</summary>
    private static string Unwound(DateTimeOffset nextHourUtc) => $"unwound into cash at {nextHourUtc.AddHours(-1):yyyy-MM-ddTHH:mm}Z";

    /// <summary>Answers the operator's unwind request: done, and the instance stays halted.</summary>
    private Task RecordUnwoundAsync(PostgresLiveLedger ledger, LiveInstance instance, string done, CancellationToken cancellationToken) =>
        ledger.AppendEventAsync(new LedgerEvent(instance.Id, LedgerEventKind.Alert, $"emergency stop by the operator: {done}; the instance stays halted", UnwindRequest.DoneDetails, _time.GetUtcNow()), cancellationToken);

    /// <summary>
    /// Runs the instance's book (<see cref="PaperCycle"/>) and, for a real instance, its venue side around it: the
    /// outboxes left from the last cycle sent first, the hours' orders and steps written ahead with them, then sent.
    /// Returns the book's outcome, or the cycle's result when the real side held or stopped it.
    /// </summary>
    private async Task<(PaperCycleOutcome? Outcome, LiveCycleResult? Stopped)> RunBookAsync(
        PostgresLiveLedger ledger, LiveInstance instance, SafetyLimits limits, double stopLossPct, DateTimeOffset cycleUtc, string? unwind, BreakerPolicy? breaker, CancellationToken cancellationToken)
    {
        RealSide? real = null;
        if (instance.ExecutionKind == ExecutionKind.Real)
        {
            var (side, held) = await RealSideAsync(ledger, instance, limits.MaxTradeSizeUsd, cancellationToken).ConfigureAwait(false);
            if (held is not null)
            {
                return (null, held);
            }

            real = side;
        }

        var outcome = await _paper.For(ledger).RunAsync(instance, limits, stopLossPct, cycleUtc, unwind, breaker, real?.Planner, cancellationToken).ConfigureAwait(false);
        // What waits (a deposit not credited yet) goes out at a later cycle, before that cycle's hours.
        return real is not null && await SendAsync(ledger, instance, real.Desks, cancellationToken).ConfigureAwait(false) is { Waiting: false } failed
            ? (null, failed.Result)
            : (outcome, null);
    }

    /// <summary>
    /// A real instance's venue side for a cycle: its desks (the chain's, when it trades there, then the exchanges'), with
    /// what the last cycle left in their outboxes sent first, and the planner starting from the positions the ledger's
    /// fills and the orders still working at the venues give. Held instead (the result says why, as an alert) when the
    /// execution gate does not allow real execution now or the host has none set up; halted or alerted (as the circuit
    /// breaker says) when the orders left over cannot be sent.
    /// </summary>
    private async Task<(RealSide? Side, LiveCycleResult? Held)> RealSideAsync(PostgresLiveLedger ledger, LiveInstance instance, double maxTradeSizeUsd, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var venues = LiveVenueUse.Of(instance.Venues);
        IReadOnlyList<string> refusals = _real is null
            ? ["this host has no real execution set up (no venue clients)"]
            : ExecutionGate.Decide(ExecutionKind.Real, _settings, venues, _real.GetVariable).Refusals;
        if (refusals.Count > 0)
        {
            var held = $"real execution is not allowed now, so the instance is held: {string.Join(" ", refusals)}";
            await ledger.AppendEventAsync(new LedgerEvent(instance.Id, LedgerEventKind.Alert, held, null, now), cancellationToken).ConfigureAwait(false);
            return (null, new LiveCycleResult(instance.Id, false, held));
        }

        ChainExecution? chain = null;
        if (venues.UsesChain && _real!.Chain is { } account)
        {
            try
            {
                chain = await account.ExecutionAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ChainSetupException e)
            {
                var held = $"the host's account on the chain cannot be opened, so the instance is held: {e.Message}";
                await ledger.AppendEventAsync(new LedgerEvent(instance.Id, LedgerEventKind.Alert, held, null, now), cancellationToken).ConfigureAwait(false);
                return (null, new LiveCycleResult(instance.Id, false, held));
            }
        }

        // Withdrawals go after the orders, whose proceeds they may carry.
        var onChain = chain is not null;
        var orders = new VenueOrderDesk(ledger, _real!.Exchanges, TakerFee, _time);
        IReadOnlyList<IOutboxDesk> desks = chain is not null
            ? [chain.DeskFor(ledger, _real.Exchanges, _time, _real.Rules), orders, new WithdrawalDesk(ledger, _real.Exchanges, chain.Client.Account.Address, WithdrawalFee, _time) { ShortfallTolerance = _real.Rules.SwapPriceTolerance }]
            : [orders];
        // The book runs no further hours while what the last ones decided is still on its way to the venues.
        if (await SendAsync(ledger, instance, desks, cancellationToken).ConfigureAwait(false) is { } unsent)
        {
            return (null, unsent.Result);
        }

        // A market order the venue took but has not filled yet stays open after a send that succeeded: it counts as held.
        var positions = await ledger.RebuildPositionsAsync(instance.Id, cancellationToken).ConfigureAwait(false);
        var working = await ledger.ListOpenOrdersAsync(instance.Id, cancellationToken).ConfigureAwait(false);
        var planner = new RealHourPlanner(instance.Id, RealHourPlanner.Held(positions, working), _real!.Rules, maxTradeSizeUsd, now, onChain);
        return (new RealSide(desks, planner), null);
    }

    /// <summary>
    /// Sends the instance's outboxes, desk by desk. A venue that did not take an order or a transaction (after the
    /// clients' retries), or refused it, trips the circuit breaker: the instance halts with a breach naming it, or, with
    /// the breaker off, an alert is recorded. What failed stays in the outbox (or is recorded rejected or failed, when
    /// it was refused or reverted) and the cycle stops. A desk waiting for something on its way (a deposit the venue has
    /// not credited) stops the sending too, with nothing wrong: the rest goes at a later cycle. Returns the cycle's result
    /// when sending failed or waits, null when everything went out.
    /// </summary>
    private async Task<Unsent?> SendAsync(PostgresLiveLedger ledger, LiveInstance instance, IReadOnlyList<IOutboxDesk> desks, CancellationToken cancellationToken)
    {
        SendOutcome? sent = null;
        string? waiting = null;
        foreach (var desk in desks)
        {
            sent = await desk.SendAsync(instance.Id, cancellationToken).ConfigureAwait(false);
            waiting ??= sent.Waiting;
            if (sent.Failure is not null || (sent.Waiting is not null && !sent.LaterDesksGo))
            {
                break;
            }
        }

        if (sent?.Failure is not { } failure)
        {
            return waiting is null ? null : new Unsent(new LiveCycleResult(instance.Id, false, $"waiting: {waiting}; what the instance decided after it waits too"), Waiting: true);
        }

        var now = _time.GetUtcNow();
        var details = JsonSerializer.Serialize(new { limit = "venue_error", sent = sent.Sent, settled = sent.Settled });
        if (_settings.CircuitBreakerEnabled
            && await ledger.ChangeStatusAsync(instance.Id, [LiveInstanceStatus.Active], LiveInstanceStatus.Halted, now, cancellationToken).ConfigureAwait(false) is not null)
        {
            var breach = $"circuit breaker: {failure}; the instance is halted until an operator acknowledges it";
            await ledger.AppendEventAsync(new LedgerEvent(instance.Id, LedgerEventKind.Breach, breach, details, now), cancellationToken).ConfigureAwait(false);
            return new Unsent(new LiveCycleResult(instance.Id, false, breach), Waiting: false);
        }

        await ledger.AppendEventAsync(new LedgerEvent(instance.Id, LedgerEventKind.Alert, failure, details, now), cancellationToken).ConfigureAwait(false);
        return new Unsent(new LiveCycleResult(instance.Id, false, failure), Waiting: false);
    }

    /// <summary>Halts a real instance whose next hour the desk cannot carry out, saying what it would have needed.</summary>
    private async Task<LiveCycleResult> RefuseAsync(PostgresLiveLedger ledger, LiveInstance instance, string refusal, PaperCycleOutcome outcome, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await ledger.ChangeStatusAsync(instance.Id, [LiveInstanceStatus.Active], LiveInstanceStatus.Halted, now, cancellationToken).ConfigureAwait(false);
        var breach = $"{refusal}; the instance is halted before that hour until an operator acknowledges it";
        var details = JsonSerializer.Serialize(new { limit = "real_desk", hour = outcome.NextHourUtc });
        await ledger.AppendEventAsync(new LedgerEvent(instance.Id, LedgerEventKind.Breach, breach, details, now), cancellationToken).ConfigureAwait(false);
        return new LiveCycleResult(instance.Id, outcome.Hours > 0, breach, outcome.Hours, outcome.EquitySc);
    }

    /// <summary>A venue's taker fee on its perpetuals or its spot pairs, as a fraction, from <c>configs/venues</c>: what a real fill is charged in the ledger.</summary>
    private decimal TakerFee(ExchangeVenue venue, MarketType market)
    {
        var exchange = ExchangeSettingsOf(venue);
        return (decimal)(market == MarketType.Spot ? exchange.SpotFees : exchange.PerpFees).TakerBps / 10_000m;
    }

    /// <summary>A venue's USDT withdrawal fee from <c>configs/venues</c>: what the withdrawal desk moves out of the trading account besides the amount.</summary>
    private decimal WithdrawalFee(ExchangeVenue venue, string asset) => asset == "USDT"
        ? (decimal)ExchangeSettingsOf(venue).UsdtWithdrawalFee
        : throw new ArgumentOutOfRangeException(nameof(asset), asset, "only USDT's withdrawal fee is configured");

    private ExchangeSettings ExchangeSettingsOf(ExchangeVenue venue) =>
        VenueNames.TryParse(venue.ToString().ToLowerInvariant(), out var named)
            ? _workspace.Configuration.Venues.Exchange(named)
            : throw new ArgumentOutOfRangeException(nameof(venue), venue, "not a venue of the configuration");

    /// <summary>
    /// The circuit breaker: a liquidation (a health factor below 1, a margin below maintenance), bad debt, an intent
    /// the safety gate refused, or an hour ending under a risk floor in the hours just run halts the instance, records the breach and waits for an operator.
    /// Returns what tripped it, or null.
    /// </summary>
    private async Task<string?> BreakAsync(PostgresLiveLedger ledger, LiveInstance instance, DateTimeOffset fromHourUtc, CancellationToken cancellationToken)
    {
        var trips = await ledger.ListBreakerActivityAsync(instance.Id, fromHourUtc, cancellationToken).ConfigureAwait(false);
        if (trips.Count == 0)
        {
            return null;
        }

        var first = trips[0];
        var what = first.Kind switch
        {
            "gate" => "the safety gate refused an intent",
            "bad_debt" => "debt was written off as bad debt",
            "risk_floor" => DescribeFloorBreach(first.BodyJson),
            _ => "a position was liquidated",
        };
        var breach = string.Create(CultureInfo.InvariantCulture, $"circuit breaker: {what} at {first.HourUtc:yyyy-MM-ddTHH:mm}Z ({trips.Count} such event(s) in the cycle); the instance is halted until an operator acknowledges it");
        var now = _time.GetUtcNow();
        await ledger.ChangeStatusAsync(instance.Id, [LiveInstanceStatus.Active], LiveInstanceStatus.Halted, now, cancellationToken).ConfigureAwait(false);
        var details = $$"""{"hour": "{{first.HourUtc.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}", "kind": "{{first.Kind}}", "activity": {{first.BodyJson}}}""";
        await ledger.AppendEventAsync(new LedgerEvent(instance.Id, LedgerEventKind.Breach, breach, details, now), cancellationToken).ConfigureAwait(false);
        return breach;
    }

    /// <summary>True when a breach names <paramref name="hourUtc"/> as the hour that tripped it (the <c>hour</c> of its details).</summary>
    private static async Task<bool> BreachRecordedForAsync(PostgresLiveLedger ledger, string instanceId, DateTimeOffset hourUtc, CancellationToken cancellationToken)
    {
        foreach (var breach in await ledger.LatestEventsAsync(instanceId, LedgerEventKind.Breach, RecentBreaches, cancellationToken).ConfigureAwait(false))
        {
            using var details = breach.DetailsJson is { } json ? JsonDocument.Parse(json) : null;
            if (details?.RootElement.ValueKind == JsonValueKind.Object
                && details.RootElement.TryGetProperty("hour", out var hour) && hour.TryGetDateTimeOffset(out var tripped) && tripped == hourUtc)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What a <c>risk_floor</c> activity says: the figure, its value and its floor.</summary>
    private static string DescribeFloorBreach(string bodyJson)
    {
        using var body = JsonDocument.Parse(bodyJson);
        var metric = body.RootElement.GetProperty("metric").GetString()!;
        var figure = metric == "health_factor" ? "the health factor" : $"the margin ratio of {metric["margin_ratio_".Length..].Replace('_', ' ')}";
        return string.Create(CultureInfo.InvariantCulture, $"{figure} ended an hour at {body.RootElement.GetProperty("value").GetDouble():0.####}, under its floor {body.RootElement.GetProperty("floor").GetDouble():0.####}");
    }

    /// <summary>One line of a reconciliation that is not clean, for the breach's message.</summary>
    private static string Describe(ReconciliationLine line) => line.Status switch
    {
        ReconciliationStatus.Unreadable => $"{line.Location} unreadable ({line.Failure?.Message})",
        _ => string.Create(CultureInfo.InvariantCulture, $"{line.Location} {line.Item} {line.Status.ToString().ToLowerInvariant()}: ledger {line.Expected:0.########}, venue {line.Actual:0.########}"),
    };

    /// <summary>Halts an instance the stop loss unwound, with the breach an operator must acknowledge to start it again.</summary>
    private async Task HaltAsync(PostgresLiveLedger ledger, LiveInstance instance, string stopLoss, double limitPct, PaperCycleOutcome outcome, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await ledger.ChangeStatusAsync(instance.Id, [LiveInstanceStatus.Active], LiveInstanceStatus.Halted, now, cancellationToken).ConfigureAwait(false);
        var details = JsonSerializer.Serialize(new { limit = "emergency_stop_loss_pct", limit_pct = limitPct, hour = outcome.NextHourUtc.AddHours(-1), equity = outcome.EquitySc });
        await ledger.AppendEventAsync(new LedgerEvent(instance.Id, LedgerEventKind.Breach, $"{stopLoss}; everything was unwound into the wallet and the instance is halted until an operator acknowledges it", details, now), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Builds the paper cycle on the ledger once it is open.</summary>
    private sealed class PaperCycleFactory(BacktestWorkspace workspace, TimeProvider time)
    {
        private PaperCycle? _cycle;

        public PaperCycle For(PostgresLiveLedger ledger) => _cycle ??= new PaperCycle(workspace, ledger, time);
    }

    /// <summary>A real instance's venue side in a cycle: the desks that send, the planner that writes their outboxes ahead.</summary>
    private sealed record RealSide(IReadOnlyList<IOutboxDesk> Desks, RealHourPlanner Planner);

    /// <summary>Sending that stopped before the outboxes were empty: the cycle's result, and whether it only waits.</summary>
    private sealed record Unsent(LiveCycleResult Result, bool Waiting);
}
