using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Basis.Api.Http;
using Basis.Configuration.Binding;
using Basis.Core.Settings;
using Basis.Core.Strategies;
using Basis.Live.Execution;
using Basis.Live.Ledger;
using Basis.Live.Reconciliation;
using Basis.Live.Safety;
using Basis.Orchestrations.Backtests;
using Basis.Venues.Ethereum;

namespace Basis.Api.Live;

/// <summary>What a new live instance is asked to be; null means the default (capital: the share class', limits: the host's).</summary>
public sealed record LiveCreateRequest(
    string Name,
    string Mode,
    IReadOnlyList<string> Venues,
    double? Capital = null,
    string? ShareClass = null,
    ExecutionKind Execution = ExecutionKind.Paper,
    decimal? MaxTradeSizeUsd = null,
    decimal? EmergencyStopLossPct = null,
    decimal? HealthFactorFloor = null,
    decimal? MarginRatioFloor = null);

/// <summary>
/// The operator's side of live trading over the ledger (DESIGN §11), shared by the HTTP API and <c>basis live</c>:
/// create instances (paper unless <see cref="ExecutionGate"/> grants real), read their status, health, positions and
/// performance, and move them through their statuses. Trading itself is the live runtime's.
/// <para>
/// Statuses: created Paused; <b>start</b> Paused → Active, and Halted → Active only with the halt acknowledged;
/// <b>pause</b> (the API's stop) Active → Paused; <b>emergency stop</b> any but Stopped → Halted, with a breach event;
/// <b>retire</b> (the API's DELETE) anything → Stopped, for good. Asking for the status an instance already has changes
/// nothing and succeeds; a change its status does not allow is a <see cref="LiveConflictException"/>.
/// </para>
/// </summary>
public sealed class LiveService(PostgresLiveLedger ledger, LiveTradingSettings trading, Func<string, string?> getVariable, TimeProvider time, EnvironmentChain? chain = null)
{
    /// <summary>The venues an instance may use: the exchanges, and the chain.</summary>
    public static readonly IReadOnlyList<string> KnownVenues = ["binance", "bybit", "okx", LiveVenueUse.Chain];

    /// <summary>What an emergency stop does to positions.</summary>
    public const string Unwind =
        "pending: the instance is halted at once, so it places no new orders, and the live runtime unwinds the book on its next cycle "
        + "(the hourly rebalance timer), freeing everything into cash at that hour's prices.";

    /// <summary>Breaches a status shows.</summary>
    public const int BreachesShown = 5;

    /// <summary>The highest health-factor floor an instance may ask for: far above any loop's (1.03–2), below what only a typo reaches.</summary>
    private const decimal MaxHealthFactorFloor = 10m;

    /// <summary>The transfer id of a real instance's opening funding.</summary>
    public const string OpeningFundingId = "opening-funding";

    /// <summary>
    /// Checks the request (the mode as backtests resolve it, venues, capital, limits no looser than the host's), asks
    /// the gate when real execution is wanted, and stores the instance Paused. Throws
    /// <see cref="LiveRequestException"/> naming every bad field, or <see cref="LiveExecutionRefusedException"/> with
    /// every reason real execution is refused; either way nothing is stored.
    /// </summary>
    public async Task<LiveInstanceState> CreateAsync(LiveCreateRequest request, BasisConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Error(string field, string message)
        {
            if (!errors.TryGetValue(field, out var messages))
            {
                errors[field] = messages = [];
            }

            messages.Add(message);
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            Error("name", "is required: 1–100 characters");
        }

        ResolvedMode? resolved = null;
        if (string.IsNullOrWhiteSpace(request.Mode))
        {
            Error("mode", "is required: a strategy mode or alias (GET /api/v1/strategies)");
        }
        else
        {
            try
            {
                resolved = configuration.ResolveMode(request.Mode);
            }
            catch (UnknownModeException e)
            {
                Error("mode", e.Message);
            }
        }

        var venues = request.Venues.Select(v => v.ToLowerInvariant()).ToList();
        if (venues.Count == 0)
        {
            Error("venues", $"is required: one or more of {string.Join(", ", KnownVenues)}");
        }

        foreach (var venue in venues.Where(v => !KnownVenues.Contains(v)).Distinct())
        {
            Error("venues", $"'{ApiProblems.Shown(venue)}' is not a venue: use {string.Join(", ", KnownVenues)}");
        }

        foreach (var venue in venues.GroupBy(v => v).Where(g => g.Count() > 1))
        {
            Error("venues", $"'{ApiProblems.Shown(venue.Key)}' is given twice");
        }

        var capital = 0d;
        var shareClass = resolved?.Settings.ShareClass;
        if (shareClass is { } unit)
        {
            if (request.ShareClass is { } expected && !string.Equals(expected, unit.Name(), StringComparison.OrdinalIgnoreCase))
            {
                Error("share_class", $"{resolved!.Mode.Name} reports in {unit.Name()}, not {ApiProblems.Shown(expected)}");
            }

            capital = request.Capital ?? BacktestWorkspace.DefaultCapital(unit);
            if (!(capital >= BacktestWorkspace.MinCapital && capital <= BacktestWorkspace.MaxAmount))
            {
                Error("capital", $"must be from {BacktestWorkspace.MinCapital.ToString(CultureInfo.InvariantCulture)} to {BacktestWorkspace.MaxAmount.ToString("N0", CultureInfo.InvariantCulture)} {unit.Name()} (got {capital.ToString(CultureInfo.InvariantCulture)})");
            }
        }

        // An instance may tighten the host's limits, never loosen them: the variables are the operator's ceiling.
        if (request.MaxTradeSizeUsd is { } tradeSize && !(tradeSize > 0 && tradeSize <= trading.MaxTradeSizeUsd))
        {
            Error("limits.max_trade_size_usd", $"must be more than 0 and at most {trading.MaxTradeSizeUsd.ToString(CultureInfo.InvariantCulture)} USD ({LiveTradingSettings.MaxTradeSizeUsdVariable})");
        }

        if (request.EmergencyStopLossPct is { } stopLoss && !(stopLoss > 0 && stopLoss <= trading.EmergencyStopLossPct))
        {
            Error("limits.emergency_stop_loss_pct", $"must be more than 0 and at most {trading.EmergencyStopLossPct.ToString(CultureInfo.InvariantCulture)} % ({LiveTradingSettings.EmergencyStopLossPctVariable})");
        }

        // The circuit breaker's floors can only be raised: a floor under the host's would let a thinner book trade on.
        var hostHealthFactor = (decimal)trading.HealthFactorFloor;
        if (request.HealthFactorFloor is { } healthFactor && !(healthFactor >= hostHealthFactor && healthFactor <= MaxHealthFactorFloor))
        {
            Error("limits.health_factor_floor", $"must be from {hostHealthFactor.ToString(CultureInfo.InvariantCulture)} ({LiveTradingSettings.HealthFactorFloorVariable}) to {MaxHealthFactorFloor.ToString(CultureInfo.InvariantCulture)}");
        }

        var hostMarginRatio = (decimal)trading.MarginRatioFloor;
        if (request.MarginRatioFloor is { } marginRatio && !(marginRatio >= hostMarginRatio && marginRatio <= 1))
        {
            Error("limits.margin_ratio_floor", $"must be from {hostMarginRatio.ToString(CultureInfo.InvariantCulture)} ({LiveTradingSettings.MarginRatioFloorVariable}) to 1");
        }

        if (errors.Count > 0)
        {
            throw new LiveRequestException(errors);
        }

        var decision = ExecutionGate.Decide(request.Execution, trading, LiveVenueUse.Of(venues), getVariable);
        if (decision.Kind != request.Execution)
        {
            throw new LiveExecutionRefusedException(decision.Refusals);
        }

        if (decision.Kind == ExecutionKind.Real)
        {
            // The venues' accounts and the chain account are the environment's: reconciliation, and the planner's
            // reading of what the venues hold, take everything in them as one instance's.
            var trading = (await ledger.ListInstancesAsync(cancellationToken).ConfigureAwait(false))
                .FirstOrDefault(i => i.ExecutionKind == ExecutionKind.Real && i.Status != LiveInstanceStatus.Stopped);
            if (trading is not null)
            {
                throw new LiveExecutionRefusedException([$"the real instance {trading.Id} ('{trading.Name}', {Name(trading.Status)}) already trades this environment's accounts, which hold one real instance at a time: retire it first (DELETE /api/v1/live/{trading.Id}, or basis live retire)."]);
            }

            if (await UnfundedAsync(venues, shareClass!.Value.Name(), (decimal)capital, cancellationToken).ConfigureAwait(false) is { } unfunded)
            {
                throw new LiveExecutionRefusedException([unfunded]);
            }
        }

        var limits = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (request.MaxTradeSizeUsd is { } maxTrade)
        {
            limits["max_trade_size_usd"] = maxTrade;
        }

        if (request.EmergencyStopLossPct is { } maxLoss)
        {
            limits["emergency_stop_loss_pct"] = maxLoss;
        }

        if (request.HealthFactorFloor is { } minHealthFactor)
        {
            limits["health_factor_floor"] = minHealthFactor;
        }

        if (request.MarginRatioFloor is { } minMarginRatio)
        {
            limits["margin_ratio_floor"] = minMarginRatio;
        }

        // Whole microseconds, as PostgreSQL keeps them: the instance answered is the instance stored.
        var now = time.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));
        var instance = new LiveInstance(
            NewId(),
            request.Name.Trim(),
            resolved!.Mode.Name,
            shareClass!.Value.Name().ToLowerInvariant(),
            (decimal)capital,
            venues,
            JsonSerializer.Serialize(limits),
            decision.Kind,
            LiveInstanceStatus.Paused,
            now,
            now);
        if (instance.ExecutionKind == ExecutionKind.Real)
        {
            // What reconciliation expects from the start: the capital the operator put in the account's wallet, where
            // every strategy starts (its opening funding, not a capital flow).
            var funding = new LedgerTransfer(instance.Id, OpeningFundingId, shareClass.Value.Name(), instance.Capital, 0m, null, ChainReader.Wallet, now);
            await ledger.SaveInstanceAsync(instance, funding, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ledger.SaveInstanceAsync(instance, cancellationToken).ConfigureAwait(false);
        }

        return await StateOfAsync(instance, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Why a real instance cannot start from its capital, or null when it can: every strategy starts from the capital in
    /// the account's wallet on the chain, so the instance must trade there and the wallet must hold it now (its native
    /// ETH for the ETH share class, its USDT token for USDT).
    /// </summary>
    private async Task<string?> UnfundedAsync(IReadOnlyList<string> venues, string asset, decimal capital, CancellationToken cancellationToken)
    {
        if (!venues.Contains(LiveVenueUse.Chain))
        {
            return $"a real instance starts from its capital in the account's wallet on the chain: add {LiveVenueUse.Chain} to its venues.";
        }

        if (chain is null)
        {
            return "this host has no account on the chain to check the capital in its wallet.";
        }

        IReadOnlyList<LocationReading> readings;
        try
        {
            var tokens = (await chain.ExecutionAsync(cancellationToken).ConfigureAwait(false)).Tokens;
            if (asset != ChainReader.NativeEth && tokens.All(t => t.Symbol != asset))
            {
                return $"the host's chain has no {asset} token in its contracts file (configs/{ChainContracts.RelativePath}, or {EnvironmentChain.ContractsVariable}): the capital can be neither checked nor traded.";
            }

            readings = await chain.Reader().ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChainSetupException e)
        {
            return $"the host's account on the chain cannot be opened: {e.Message}";
        }

        var held = readings.Single(r => r.Location == ChainReader.Wallet).Balances.Where(b => b.Asset == asset).Sum(b => b.Amount);
        return held >= capital
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"the account's wallet holds {held:0.########} {asset}, less than the capital of {capital:0.########} {asset}: fund it first.");
    }

    /// <summary>Every instance with its status, oldest first.</summary>
    public async Task<IReadOnlyList<LiveInstanceState>> ListAsync(CancellationToken cancellationToken)
    {
        var states = new List<LiveInstanceState>();
        foreach (var instance in await ledger.ListInstancesAsync(cancellationToken).ConfigureAwait(false))
        {
            states.Add(await StateOfAsync(instance, cancellationToken).ConfigureAwait(false));
        }

        return states;
    }

    /// <summary>The instance's status, or null when there is none.</summary>
    public async Task<LiveInstanceState?> StatusAsync(string instanceId, CancellationToken cancellationToken) =>
        await ledger.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) is { } instance
            ? await StateOfAsync(instance, cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>Paused → Active; Halted → Active only when <paramref name="acknowledgeHalt"/>; a retired instance never starts again.</summary>
    public async Task<LiveInstanceState?> StartAsync(string instanceId, bool acknowledgeHalt, CancellationToken cancellationToken)
    {
        if (await ledger.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) is not { } instance)
        {
            return null;
        }

        switch (instance.Status)
        {
            case LiveInstanceStatus.Stopped:
                throw new LiveConflictException($"'{instanceId}' is stopped (retired) and never runs again; create a new instance.");
            case LiveInstanceStatus.Halted when !acknowledgeHalt:
                throw new LiveConflictException(
                    $"'{instanceId}' is halted. Starting it clears the halt, so it must be deliberate: look at its breaches, then start it with the halt acknowledged (\"acknowledge_halt\": true; basis live start --acknowledge-halt).");
        }

        var changed = await ChangeAsync(instance, LiveInstanceStatus.Active, cancellationToken).ConfigureAwait(false);
        if (instance.Status == LiveInstanceStatus.Halted)
        {
            await ledger.AppendEventAsync(new LedgerEvent(instanceId, LedgerEventKind.Alert, "halt cleared by the operator", null, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }

        return await StateOfAsync(changed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Active → Paused. A halted instance stays halted (pausing would clear the halt without anyone acknowledging it),
    /// and a retired one stays retired.
    /// </summary>
    public async Task<LiveInstanceState?> PauseAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (await ledger.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) is not { } instance)
        {
            return null;
        }

        if (instance.Status is LiveInstanceStatus.Halted or LiveInstanceStatus.Stopped)
        {
            throw new LiveConflictException($"'{instanceId}' is {Name(instance.Status)}, which already stops it; {(instance.Status == LiveInstanceStatus.Halted ? "start it with the halt acknowledged, or retire it" : "create a new instance to trade again")}.");
        }

        return await StateOfAsync(await ChangeAsync(instance, LiveInstanceStatus.Paused, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Any status but Stopped → Halted, recording a breach "emergency stop by the operator". Positions are left as they are.</summary>
    public async Task<LiveInstanceState?> EmergencyStopAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (await ledger.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) is not { } instance)
        {
            return null;
        }

        if (instance.Status == LiveInstanceStatus.Stopped)
        {
            throw new LiveConflictException($"'{instanceId}' is stopped (retired): there is nothing to stop.");
        }

        var halted = await ChangeAsync(instance, LiveInstanceStatus.Halted, cancellationToken).ConfigureAwait(false);
        await ledger.AppendEventAsync(new LedgerEvent(instanceId, LedgerEventKind.Breach, "emergency stop by the operator", UnwindRequest.PendingDetails, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return await StateOfAsync(halted, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Anything → Stopped: retired for good (its ledger stays). Positions are left as they are.</summary>
    public async Task<LiveInstanceState?> RetireAsync(string instanceId, CancellationToken cancellationToken) =>
        await ledger.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) is { } instance
            ? await StateOfAsync(await ChangeAsync(instance, LiveInstanceStatus.Stopped, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>The instance's positions rebuilt from its ledger, or null when there is no such instance.</summary>
    public async Task<LedgerPositions?> PositionsAsync(string instanceId, CancellationToken cancellationToken) =>
        await ledger.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) is null
            ? null
            : await ledger.RebuildPositionsAsync(instanceId, cancellationToken).ConfigureAwait(false);

    /// <summary>The instance's performance from its recorded equity, or null when there is no such instance.</summary>
    public async Task<LivePerformance?> PerformanceAsync(string instanceId, CancellationToken cancellationToken) =>
        await ledger.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) is { } instance
            ? LivePerformance.From(instance.ShareClass, await ledger.ListEquityAsync(instanceId, cancellationToken).ConfigureAwait(false))
            : null;

    /// <summary>A page of the instance's rows (<paramref name="read"/>: orders, fills, events, activity), or null when there is no such instance.</summary>
    public async Task<LedgerPage<T>?> PageAsync<T>(string instanceId, Func<PostgresLiveLedger, LedgerPageRequest, CancellationToken, Task<LedgerPage<T>>> read, LedgerPageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        return await ledger.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) is null
            ? null
            : await read(ledger, page, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The Active instances past their heartbeat timeout, for <c>/health/detailed</c>.</summary>
    public async Task<(int Instances, int Active, IReadOnlyList<string> Silent)> HeartbeatsAsync(CancellationToken cancellationToken)
    {
        var instances = await ledger.ListInstancesAsync(cancellationToken).ConfigureAwait(false);
        var active = instances.Where(i => i.Status == LiveInstanceStatus.Active).ToList();
        var silent = new List<string>();
        foreach (var instance in active)
        {
            var (health, _) = LiveInstanceState.Judge(instance, await LastHeartbeatAsync(instance.Id, cancellationToken).ConfigureAwait(false), trading.HeartbeatTimeout, time.GetUtcNow());
            if (health == LiveHealth.Unhealthy)
            {
                silent.Add(instance.Id);
            }
        }

        return (instances.Count, active.Count, silent);
    }

    /// <summary>How statuses read in messages and responses: <c>active</c>, <c>paused</c>, <c>halted</c>, <c>stopped</c>.</summary>
    public static string Name(LiveInstanceStatus status) => status.ToString().ToLowerInvariant();

    private async Task<LiveInstance> ChangeAsync(LiveInstance instance, LiveInstanceStatus to, CancellationToken cancellationToken)
    {
        if (instance.Status == to)
        {
            return instance;
        }

        // Only from the status just read: if the runtime halted it meanwhile, the operator must see that first.
        var changed = await ledger.ChangeStatusAsync(instance.Id, [instance.Status], to, time.GetUtcNow(), cancellationToken).ConfigureAwait(false)
            ?? throw new LiveConflictException($"'{instance.Id}' was deleted meanwhile.");
        return changed.Status == to
            ? changed
            : throw new LiveConflictException($"'{instance.Id}' became {Name(changed.Status)} meanwhile; look at its status and try again.");
    }

    private async Task<LiveInstanceState> StateOfAsync(LiveInstance instance, CancellationToken cancellationToken)
    {
        var heartbeat = await LastHeartbeatAsync(instance.Id, cancellationToken).ConfigureAwait(false);
        var breaches = await ledger.LatestEventsAsync(instance.Id, LedgerEventKind.Breach, BreachesShown, cancellationToken).ConfigureAwait(false);
        var checkpoint = await ledger.GetCheckpointAsync(instance.Id, cancellationToken).ConfigureAwait(false);
        var (health, reason) = LiveInstanceState.Judge(instance, heartbeat, trading.HeartbeatTimeout, time.GetUtcNow());

        // The checkpoint names the first hour not yet simulated, so the last cycle is the hour before it.
        return new LiveInstanceState(instance, health, reason, heartbeat, checkpoint?.NextHourUtc.AddHours(-1), breaches);
    }

    private async Task<DateTimeOffset?> LastHeartbeatAsync(string instanceId, CancellationToken cancellationToken) =>
        (await ledger.LatestEventsAsync(instanceId, LedgerEventKind.Heartbeat, 1, cancellationToken).ConfigureAwait(false)) is [var beat] ? beat.OccurredUtc : null;

    private static string NewId() => "lv_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
