using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.Sweeps;

namespace Basis.FunctionApp.Functions;

/// <summary>
/// The activities as Durable Functions, named as the orchestrators call them (<c>nameof</c> the class). The
/// <c>instanceId</c> parameter binds from the activity trigger's metadata: it is the run id the activities key their
/// results by. The workspace is the app's one (its caches shared by every activity on this instance).
/// </summary>
public sealed class ActivityFunctions(BacktestWorkspace workspace)
{
    [Function(nameof(RunBacktest))]
    public Task<BacktestOutcome> RunBacktestAsync([ActivityTrigger] BacktestRequest input, string instanceId) =>
        new RunBacktest(workspace).RunAsync(new FunctionActivityContext(nameof(RunBacktest), instanceId), input);

    [Function(nameof(SimulateSegment))]
    public Task<SegmentDone> SimulateSegmentAsync([ActivityTrigger] SegmentInput input, string instanceId) =>
        new SimulateSegment(workspace).RunAsync(new FunctionActivityContext(nameof(SimulateSegment), instanceId), input);

    [Function(nameof(AssembleBacktest))]
    public Task<BacktestOutcome> AssembleBacktestAsync([ActivityTrigger] AssembleInput input, string instanceId) =>
        new AssembleBacktest(workspace).RunAsync(new FunctionActivityContext(nameof(AssembleBacktest), instanceId), input);

    [Function(nameof(RankSweep))]
    public Task<SweepOutcome> RankSweepAsync([ActivityTrigger] SweepResults input, string instanceId) =>
        new RankSweep(workspace).RunAsync(new FunctionActivityContext(nameof(RankSweep), instanceId), input);
}
