using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Basis.Data.Stores;
using Basis.Orchestrations;
using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.Sweeps;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Basis.Api.Runs;

/// <summary>
/// The application layer between the hosts (HTTP, command line, timers) and the orchestrations, and the one owner of
/// run records. It checks a request before anything starts (bad input is never a failed run), records the run, starts
/// its orchestration, and moves the record as the engine reports: Pending → Running → Completed, Failed or
/// Terminated. A finished record never changes again (the store refuses it in one step), so a run terminated while
/// its activity is still computing stays Terminated. The orchestrations themselves never touch records.
/// </summary>
public sealed class RunService
{
    /// <summary>How long a record may wait for an engine that has never heard of its run before the run counts as lost.</summary>
    public static readonly TimeSpan SchedulingGrace = TimeSpan.FromMinutes(1);

    /// <summary>What a run whose engine forgot it (an embedded host that stopped) is recorded as failing with.</summary>
    public const string LostRunError = "the host running this stopped before it finished (the embedded engine keeps nothing across restarts); submit the request again";

    private static readonly OrchestrationRuntimeStatus[] Unfinished = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];
    private static readonly OrchestrationRuntimeStatus[] Finished = [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    private readonly DurableTaskClient _engine;
    private readonly BacktestWorkspace _workspace;
    private readonly TimeProvider _time;

    public RunService(DurableTaskClient engine, BacktestWorkspace workspace, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(workspace);
        _engine = engine;
        _workspace = workspace;
        _time = time ?? TimeProvider.System;
    }

    private IResultStore Records => _workspace.Results;

    /// <summary>
    /// Checks and starts a backtest; throws <see cref="BacktestRequestException"/> naming the field at fault. The run id
    /// is new unless given (the command line names runs after their inputs).
    /// </summary>
    public async Task<string> StartBacktestAsync(BacktestRequest request, string? runId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = runId ?? NewRunId(RunKind.Backtest);
        await _workspace.CheckCoverageAsync(_workspace.Prepare(id, request), cancellationToken).ConfigureAwait(false);
        await StartAsync(RunKind.Backtest, id, request, cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>Checks every run of a sweep and starts it; throws <see cref="BacktestRequestException"/> naming the field and grid point at fault.</summary>
    public async Task<string> StartSweepAsync(SweepRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = NewRunId(RunKind.Sweep);
        await SweepGrid.PrepareAsync(_workspace, id, request, cancellationToken).ConfigureAwait(false);
        await StartAsync(RunKind.Sweep, id, new SweepInput(request), cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>The run as it is now, or null when there is no such run of this kind.</summary>
    public async Task<RunView?> GetAsync(RunKind kind, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (!StoreNames.IsRunId(id))
        {
            return null;
        }

        var record = await Records.GetRunAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is not null && record.Kind != kind.Name)
        {
            return null;
        }

        var instance = await InstanceAsync(kind, id, cancellationToken).ConfigureAwait(false);
        if (record is null && instance is null)
        {
            return null;
        }

        record = await ReconcileAsync(record, instance, _time.GetUtcNow() - SchedulingGrace, cancellationToken).ConfigureAwait(false);
        return View(kind, id, record, instance);
    }

    /// <summary>The newest runs of a kind (filtered before the limit applies), each as it is now.</summary>
    public async Task<IReadOnlyList<RunView>> ListAsync(RunKind kind, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var records = await Records.ListRunsAsync(new RunQuery(limit) { Kind = kind.Name }, cancellationToken).ConfigureAwait(false);
        var views = new List<RunView>(records.Count);
        foreach (var stored in records)
        {
            var record = stored;
            OrchestrationMetadata? instance = null;
            if (!record.Status.IsFinished())
            {
                instance = await InstanceAsync(kind, record.RunId, cancellationToken).ConfigureAwait(false);
                record = await ReconcileAsync(record, instance, _time.GetUtcNow() - SchedulingGrace, cancellationToken).ConfigureAwait(false);
            }

            views.Add(View(kind, record!.RunId, record, instance));
        }

        return views;
    }

    /// <summary>
    /// Terminates a run that has not finished: its orchestration, and for a sweep every run of it still pending or
    /// running (so a terminated sweep stops its work within seconds). The record says Terminated at once.
    /// </summary>
    public async Task<TerminateOutcome> TerminateAsync(RunKind kind, string id, string reason, CancellationToken cancellationToken = default)
    {
        var view = await GetAsync(kind, id, cancellationToken).ConfigureAwait(false);
        if (view is null)
        {
            return TerminateOutcome.NotFound;
        }

        if (view.Status.IsFinished())
        {
            return TerminateOutcome.AlreadyFinished;
        }

        if (await InstanceAsync(kind, id, cancellationToken).ConfigureAwait(false) is not null)
        {
            await _engine.TerminateInstanceAsync(id, reason, cancellationToken).ConfigureAwait(false);
        }

        var record = await Records.GetRunAsync(id, cancellationToken).ConfigureAwait(false) ?? await RecordOfChildAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is not null)
        {
            await FinishAsync(record, RunStatus.Terminated, reason, cancellationToken).ConfigureAwait(false);
        }

        if (kind == RunKind.Sweep)
        {
            var pending = new List<string>();
            await foreach (var run in _engine.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = SweepGrid.RunIdPrefix(id), Statuses = Unfinished }).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                pending.Add(run.InstanceId);
            }

            foreach (var runId in pending)
            {
                await _engine.TerminateInstanceAsync(runId, $"its sweep {id} was terminated", cancellationToken).ConfigureAwait(false);
            }

            await RecordSweepRunsAsync(id, pending.ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        }

        return TerminateOutcome.Terminated;
    }

    /// <summary>
    /// Brings every unfinished record in line with the engine: runs the engine finished are recorded as such, and runs
    /// it has never heard of whose record has not changed since <paramref name="lostIfUnchangedSince"/> are recorded as
    /// failed (their host died, or their start never reached the engine). The hosts call it on a timer (a minute ago),
    /// and an embedded host at start (its own start: nothing it ran survived the restart). Returns how many records changed.
    /// </summary>
    public async Task<int> ReconcileAsync(DateTimeOffset lostIfUnchangedSince, CancellationToken cancellationToken = default)
    {
        var open = await Records.ListRunsAsync(new RunQuery(1000) { Statuses = [RunStatus.Pending, RunStatus.Running] }, cancellationToken).ConfigureAwait(false);
        var changed = 0;
        foreach (var record in open)
        {
            if (RunKind.Named(record.Kind) is not { } kind)
            {
                continue;
            }

            var instance = await InstanceAsync(kind, record.RunId, cancellationToken).ConfigureAwait(false);
            var reconciled = await ReconcileAsync(record, instance, lostIfUnchangedSince, cancellationToken).ConfigureAwait(false);
            changed += reconciled?.Status == record.Status ? 0 : 1;
        }

        return changed;
    }

    /// <summary>An artefact of a run (its result, a file, rendered on first request), or null when it has none.</summary>
    public Task<byte[]?> ArtefactAsync(string id, string name, CancellationToken cancellationToken = default) =>
        StoreNames.IsRunId(id) ? _workspace.ArtefactAsync(id, name, cancellationToken) : Task.FromResult<byte[]?>(null);

    /// <summary>A readable, unique id: kind, UTC time, and 48 random bits (<c>bt_20261124T071200_3f9a1c2b7e4d</c>).</summary>
    public string NewRunId(RunKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return string.Create(CultureInfo.InvariantCulture, $"{kind.IdPrefix}_{_time.GetUtcNow():yyyyMMdd'T'HHmmss}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}");
    }

    private async Task StartAsync(RunKind kind, string id, object input, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var request = input is SweepInput sweep ? sweep.Sweep : input;
        await Records.SaveRunAsync(new RunRecord(id, kind.Name, RunStatus.Pending, JsonSerializer.Serialize(request, DurableConventions.PayloadJson), now, now), cancellationToken).ConfigureAwait(false);
        try
        {
            await _engine.ScheduleNewOrchestrationInstanceAsync(kind.Orchestrator, input, new StartOrchestrationOptions(id), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var record = await Records.GetRunAsync(id, CancellationToken.None).ConfigureAwait(false);
            await FinishAsync(record!, RunStatus.Failed, $"it could not be started: {e.Message}", CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The run's orchestration, when the engine knows one of this kind.</summary>
    private async Task<OrchestrationMetadata?> InstanceAsync(RunKind kind, string id, CancellationToken cancellationToken)
    {
        var instance = await _engine.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        return instance is not null && RunKind.Named(instance.Name) == kind ? instance : null;
    }

    /// <summary>Moves <paramref name="record"/> to what the engine says; returns the record as it now is.</summary>
    private async Task<RunRecord?> ReconcileAsync(RunRecord? record, OrchestrationMetadata? instance, DateTimeOffset lostIfUnchangedSince, CancellationToken cancellationToken)
    {
        if (record is null || record.Status.IsFinished())
        {
            return record;
        }

        if (instance is null)
        {
            return record.UpdatedUtc < lostIfUnchangedSince
                ? await FinishAsync(record, RunStatus.Failed, LostRunError, cancellationToken).ConfigureAwait(false)
                : record;
        }

        switch (instance.RuntimeStatus)
        {
            case OrchestrationRuntimeStatus.Completed:
                var summary = record.Kind == RunKind.Backtest.Name ? await Records.GetArtefactAsync(record.RunId, RunKind.Backtest.ResultArtefact, cancellationToken).ConfigureAwait(false) : null;
                var completed = await FinishAsync(record with { SummaryJson = summary is null ? null : Encoding.UTF8.GetString(summary) }, RunStatus.Completed, null, cancellationToken).ConfigureAwait(false);
                await RecordSweepRunsIfSweepAsync(record, cancellationToken).ConfigureAwait(false);
                return completed;
            case OrchestrationRuntimeStatus.Failed:
                var failed = await FinishAsync(record, RunStatus.Failed, ErrorOf(instance) ?? "the orchestration failed", cancellationToken).ConfigureAwait(false);
                await RecordSweepRunsIfSweepAsync(record, cancellationToken).ConfigureAwait(false);
                return failed;
            case OrchestrationRuntimeStatus.Terminated:
                var terminated = await FinishAsync(record, RunStatus.Terminated, TerminationReason(instance), cancellationToken).ConfigureAwait(false);
                await RecordSweepRunsIfSweepAsync(record, cancellationToken).ConfigureAwait(false);
                return terminated;
            case OrchestrationRuntimeStatus.Running when record.Status == RunStatus.Pending:
                var running = record with { Status = RunStatus.Running, UpdatedUtc = _time.GetUtcNow() };
                return await Records.SaveRunUnlessFinishedAsync(running, cancellationToken).ConfigureAwait(false) ? running : await Records.GetRunAsync(record.RunId, cancellationToken).ConfigureAwait(false);
            default:
                return record;
        }
    }

    /// <summary>Records how a run ended, unless it already had (a finished record is final); returns the stored record.</summary>
    private async Task<RunRecord> FinishAsync(RunRecord record, RunStatus status, string? error, CancellationToken cancellationToken)
    {
        var finished = record with { Status = status, UpdatedUtc = _time.GetUtcNow(), Error = error };
        if (!await Records.SaveRunUnlessFinishedAsync(finished, cancellationToken).ConfigureAwait(false))
        {
            return await Records.GetRunAsync(record.RunId, cancellationToken).ConfigureAwait(false) ?? finished;
        }

        if (status != RunStatus.Completed)
        {
            // A long run's segments wait in scratch until it is assembled; one that will never be assembled leaves none.
            await _workspace.Scratch.DeleteArtefactsAsync(record.RunId, SimulateSegment.ScratchPrefix, cancellationToken).ConfigureAwait(false);
        }

        return finished;
    }

    private Task RecordSweepRunsIfSweepAsync(RunRecord record, CancellationToken cancellationToken) =>
        record.Kind == RunKind.Sweep.Name ? RecordSweepRunsAsync(record.RunId, new HashSet<string>(), cancellationToken) : Task.CompletedTask;

    /// <summary>
    /// Records the runs of a finished sweep (they have no record while the sweep runs): each run the engine finished as
    /// it ended, and the ones in <paramref name="terminated"/> as Terminated.
    /// </summary>
    private async Task RecordSweepRunsAsync(string sweepId, IReadOnlySet<string> terminated, CancellationToken cancellationToken)
    {
        var sweep = await Records.GetRunAsync(sweepId, cancellationToken).ConfigureAwait(false);
        if (sweep is null || JsonSerializer.Deserialize<SweepRequest>(sweep.RequestJson, DurableConventions.PayloadJson) is not { } request)
        {
            return;
        }

        var cases = SweepGrid.Expand(sweepId, request).ToDictionary(c => c.RunId, StringComparer.Ordinal);
        var now = _time.GetUtcNow();
        Task RecordAsync(string runId, RunStatus status, DateTimeOffset created, string? error) =>
            Records.SaveRunUnlessFinishedAsync(new RunRecord(runId, RunKind.Backtest.Name, status, JsonSerializer.Serialize(cases[runId].Request, DurableConventions.PayloadJson), created, now, Error: error), cancellationToken);

        // A completed sweep's ranking says how each of its runs ended. The task hub is no substitute: a run's own status
        // there can still read Running after the sweep has its result (Azure Storage saves a finished orchestration's
        // state after it tells its parent, and later still when the worker died in between), and a run passed over
        // here would never get a record.
        if (await Records.GetArtefactAsync(sweepId, SweepOrchestrator.RankingArtefact, cancellationToken).ConfigureAwait(false) is { } ranking
            && JsonSerializer.Deserialize<SweepOutcome>(ranking, DurableConventions.PayloadJson) is { } outcome)
        {
            foreach (var ranked in outcome.Ranking.Where(r => cases.ContainsKey(r.RunId)))
            {
                await RecordAsync(ranked.RunId, RunStatus.Completed, sweep.CreatedUtc, null).ConfigureAwait(false);
            }

            foreach (var failure in outcome.Failures.Where(f => cases.ContainsKey(f.RunId)))
            {
                await RecordAsync(failure.RunId, RunStatus.Failed, sweep.CreatedUtc, failure.Error).ConfigureAwait(false);
            }

            return;
        }

        await foreach (var run in _engine.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = SweepGrid.RunIdPrefix(sweepId), FetchInputsAndOutputs = false, PageSize = 500 }).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (!cases.ContainsKey(run.InstanceId))
            {
                continue;
            }

            var status = terminated.Contains(run.InstanceId) ? RunStatus.Terminated : StatusOf(run.RuntimeStatus);
            if (!status.IsFinished())
            {
                continue;
            }

            var error = status switch
            {
                RunStatus.Failed => ErrorOf(run),
                RunStatus.Terminated => $"its sweep {sweepId} was terminated",
                _ => null,
            };
            await RecordAsync(run.InstanceId, status, run.CreatedAt, error).ConfigureAwait(false);
        }
    }

    /// <summary>The record of a sweep's run the sweep has not recorded yet (it is recorded when the sweep finishes).</summary>
    private async Task<RunRecord?> RecordOfChildAsync(string id, CancellationToken cancellationToken)
    {
        var instance = await InstanceAsync(RunKind.Backtest, id, cancellationToken).ConfigureAwait(false);
        return instance is null ? null : new RunRecord(id, RunKind.Backtest.Name, RunStatus.Running, instance.SerializedInput ?? "{}", instance.CreatedAt, instance.LastUpdatedAt);
    }

    private static RunView View(RunKind kind, string id, RunRecord? record, OrchestrationMetadata? instance)
    {
        // A finished record is the truth (a terminated run's orchestration may still be winding down); otherwise the engine is.
        var status = record is { Status: var recorded } && recorded.IsFinished() || instance is null
            ? record!.Status
            : StatusOf(instance.RuntimeStatus);
        var error = status switch
        {
            RunStatus.Failed or RunStatus.Terminated => record?.Error ?? (instance is null ? null : ErrorOf(instance) ?? TerminationReason(instance)),
            _ => null,
        };
        return new RunView(
            id,
            kind.Name,
            status,
            record?.CreatedUtc ?? instance!.CreatedAt,
            record?.UpdatedUtc > instance?.LastUpdatedAt || instance is null ? record!.UpdatedUtc : instance.LastUpdatedAt,
            instance?.SerializedCustomStatus,
            status == RunStatus.Completed ? instance?.SerializedOutput : null,
            error,
            SweepOf(record?.RequestJson ?? instance?.SerializedInput, kind));
    }

    /// <summary>An orchestration's status as a run's: a suspended or continuing one still runs.</summary>
    private static RunStatus StatusOf(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Pending => RunStatus.Pending,
        OrchestrationRuntimeStatus.Completed => RunStatus.Completed,
        OrchestrationRuntimeStatus.Failed => RunStatus.Failed,
        OrchestrationRuntimeStatus.Terminated => RunStatus.Terminated,
        _ => RunStatus.Running,
    };

    /// <summary>The innermost error of a failed orchestration: the activity's own message.</summary>
    private static string? ErrorOf(OrchestrationMetadata instance)
    {
        return instance.FailureDetails?.Innermost().ErrorMessage;
    }

    private static string TerminationReason(OrchestrationMetadata instance) =>
        instance.SerializedOutput is { Length: > 0 } output && JsonSerializer.Deserialize<string>(output) is { Length: > 0 } reason ? reason : "terminated";

    private static string? SweepOf(string? requestJson, RunKind kind)
    {
        if (kind != RunKind.Backtest || string.IsNullOrEmpty(requestJson))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<BacktestRequest>(requestJson, DurableConventions.PayloadJson)?.SweepId;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
