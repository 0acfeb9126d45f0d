using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.Live;
using Basis.Orchestrations.Sweeps;

namespace Basis.FunctionApp.Functions;

/// <summary>
/// The orchestrators as Durable Functions: each function is named after the task the orchestrations call
/// (<see cref="BacktestOrchestrator.Name"/> is what a sweep starts as a sub-orchestration) and runs the class as it is.
/// </summary>
public static class OrchestrationFunctions
{
    [Function(BacktestOrchestrator.Name)]
    public static Task<BacktestOutcome> Backtest([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new BacktestOrchestrator().RunAsync(context, context.GetInput<BacktestRequest>()!);

    [Function(SweepOrchestrator.Name)]
    public static Task<SweepOutcome?> Sweep([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new SweepOrchestrator().RunAsync(context, context.GetInput<SweepInput>()!);

    [Function(LiveCycleOrchestrator.Name)]
    public static Task<LiveCycleResult> LiveCycle([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new LiveCycleOrchestrator().RunAsync(context, context.GetInput<LiveCycleInput>()!);
}
