using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.Live;
using Basis.Orchestrations.Sweeps;

namespace Basis.Orchestrations;

/// <summary>
/// Every orchestrator and activity of the pipeline: what a Durable Task host registers. The Azure Functions app has
/// one <c>[Function]</c> adapter per entry (its build checks the list against them).
/// </summary>
public static class BasisTasks
{
    public static IReadOnlyList<Type> Orchestrators { get; } = [typeof(BacktestOrchestrator), typeof(SweepOrchestrator), typeof(LiveCycleOrchestrator)];

    public static IReadOnlyList<Type> Activities { get; } = [typeof(RunBacktest), typeof(SimulateSegment), typeof(AssembleBacktest), typeof(RankSweep), typeof(RunLiveCycle)];
}
