using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using System.Text;
using Basis.Core.Simulation;
using Basis.Data.Results;
using Basis.Data.Stores;
using Basis.Orchestrations.Abstractions;

namespace Basis.Orchestrations.Backtests;

/// <summary>
/// The activities of a backtest. Each resolves its request again from configuration (cheap, cached) and takes its
/// services (<see cref="BacktestWorkspace"/>, <see cref="IOrchestrationClient"/>) from the host it runs on, so any
/// silo can run any of them. They are idempotent: a re-run after a silo failure rewrites the same bytes.
/// </summary>
public static class BacktestActivities
{
    public const string Plan = "PlanBacktest";
    public const string LoadBlob = "LoadDataBlob";
    public const string Simulate = "SimulateSegment";
    public const string Persist = "PersistBacktest";
    public const string RecordFailure = "RecordRunFailure";
    public const string NotifyParent = "NotifyParent";

    /// <summary>The external event a child run raises on its sweep.</summary>
    public const string ChildCompletedEvent = "ChildCompleted";

    /// <summary>Registers every backtest activity.</summary>
    public static OrchestrationRegistry AddBacktestActivities(this OrchestrationRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddActivity<BacktestRequest, BacktestPlan>(Plan, PlanAsync)
            .AddActivity<DataBlob, BlobReport>(LoadBlob, LoadBlobAsync)
            .AddActivity<SegmentInput, SegmentDone>(Simulate, SimulateAsync)
            .AddActivity<PersistInput, BacktestOutcome>(Persist, PersistAsync)
            .AddActivity<RunFailure, bool>(RecordFailure, RecordFailureAsync)
            .AddActivity<ChildCompleted, bool>(NotifyParent, NotifyParentAsync);
    }

    /// <summary>The scratch artefact holding segment <paramref name="index"/> of a run.</summary>
    public static string SegmentArtefact(int index) => string.Create(CultureInfo.InvariantCulture, $"segments/{index:D3}.bin");

    private static async Task<BacktestPlan> PlanAsync(ActivityContext context, BacktestRequest? request)
    {
        var workspace = context.GetRequiredService<BacktestWorkspace>();
        var prepared = workspace.Prepare(context.InstanceId, Required(request));
        await RunRecords.SetStatusAsync(workspace.Results, context.InstanceId, "backtest", RunStatus.Running, JsonData.Serialize(request)!).ConfigureAwait(false);
        return new BacktestPlan(prepared.Grid.Hours, prepared.Segments(), request!.DataValidated ? [] : prepared.Blobs());
    }

    /// <summary>Reads a blob into the process cache; the canonical parser refuses malformed rows, naming the blob and line.</summary>
    private static async Task<BlobReport> LoadBlobAsync(ActivityContext context, DataBlob? blob)
    {
        var workspace = context.GetRequiredService<BacktestWorkspace>();
        var rows = await workspace.Data.MonthAsync(blob ?? throw new ArgumentNullException(nameof(blob))).ConfigureAwait(false);
        return new BlobReport(blob.ToString(), rows.Count);
    }

    private static async Task<SegmentDone> SimulateAsync(ActivityContext context, SegmentInput? input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var workspace = context.GetRequiredService<BacktestWorkspace>();
        var prepared = workspace.Prepare(context.InstanceId, input.Request);
        var market = await workspace.MarketAsync(prepared).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        var simulation = input.Checkpoint is null
            ? BacktestSimulation.Start(prepared.Spec, prepared.Strategy, market)
            : BacktestSimulation.Resume(prepared.Spec, prepared.Strategy, market, SimulationCheckpoint.FromBytes(input.Checkpoint));
        if (simulation.NextHour != input.Range.FromHour)
        {
            throw new InvalidOperationException($"Segment {input.Index} of {context.InstanceId} starts at hour {input.Range.FromHour}, but its checkpoint continues from hour {simulation.NextHour}.");
        }

        var segment = simulation.RunUntil(input.Range.ToHour);
        var checkpoint = simulation.Checkpoint().ToBytes();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        await workspace.Scratch.PutArtefactAsync(context.InstanceId, SegmentArtefact(input.Index), segment.ToBytes()).ConfigureAwait(false);
        return new SegmentDone(checkpoint, elapsed);
    }

    private static async Task<BacktestOutcome> PersistAsync(ActivityContext context, PersistInput? input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var workspace = context.GetRequiredService<BacktestWorkspace>();
        var prepared = workspace.Prepare(context.InstanceId, input.Request);
        var market = await workspace.MarketAsync(prepared).ConfigureAwait(false);
        var segments = new List<SimulationSegment>(input.Segments);
        for (var i = 0; i < input.Segments; i++)
        {
            var bytes = await workspace.Scratch.GetArtefactAsync(context.InstanceId, SegmentArtefact(i)).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Segment {i} of {context.InstanceId} is missing from {workspace.Scratch.Description}.");
            segments.Add(SimulationSegment.FromBytes(bytes));
        }

        var result = BacktestSimulation.Assemble(prepared.Spec, prepared.Strategy, market, SimulationCheckpoint.FromBytes(input.Checkpoint), segments, TimeSpan.FromMilliseconds(input.EngineMs));
        var summaryJson = ResultArtefacts.SummaryJson(result.Summary);
        var artefacts = input.Request.Keep == KeptResults.Full
            ? ResultArtefacts.Render(result)
            : [new ResultArtefact(ResultFiles.Summary, Encoding.UTF8.GetBytes(summaryJson + "\n"))];
        foreach (var artefact in artefacts)
        {
            await workspace.Results.PutArtefactAsync(context.InstanceId, artefact.Name, artefact.Content).ConfigureAwait(false);
        }

        await RunRecords.SetStatusAsync(workspace.Results, context.InstanceId, "backtest", RunStatus.Completed, JsonData.Serialize(input.Request)!, summaryJson).ConfigureAwait(false);
        await workspace.Scratch.DeleteArtefactsAsync(context.InstanceId, "segments/").ConfigureAwait(false);
        return BacktestOutcome.From(result.Summary);
    }

    private static async Task<bool> RecordFailureAsync(ActivityContext context, RunFailure? failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var workspace = context.GetRequiredService<BacktestWorkspace>();
        await RunRecords.SetStatusAsync(workspace.Results, context.InstanceId, failure.Kind, RunStatus.Failed, error: failure.Error).ConfigureAwait(false);
        await workspace.Scratch.DeleteArtefactsAsync(context.InstanceId, "segments/").ConfigureAwait(false);
        return true;
    }

    private static async Task<bool> NotifyParentAsync(ActivityContext context, ChildCompleted? completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        await context.GetRequiredService<IOrchestrationClient>().RaiseEventAsync(completed.ParentInstanceId, ChildCompletedEvent, completed).ConfigureAwait(false);
        return true;
    }

    private static BacktestRequest Required(BacktestRequest? request) =>
        request ?? throw new ArgumentNullException(nameof(request), "The backtest activities need a BacktestRequest.");
}
