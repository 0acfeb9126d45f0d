namespace Basis.Orchestrations.Backtests;

/// <summary>
/// A backtest's custom status while it runs: the phase, and in the simulation which month and how many hours are
/// done. <see cref="Progress"/> runs from 0 to 1.
/// </summary>
public sealed record BacktestStatus(string Phase, int HoursDone, int Hours, int SegmentsDone, int Segments, string? Month, double Progress)
{
    public static BacktestStatus Loading(BacktestPlan plan) => new("loading_data", 0, plan.Hours, 0, plan.Segments.Count, null, 0);

    public static BacktestStatus Simulating(BacktestPlan plan, int segment) =>
        new("simulating", plan.Segments[segment].FromHour, plan.Hours, segment, plan.Segments.Count, plan.Segments[segment].Month, (double)plan.Segments[segment].FromHour / plan.Hours);

    public static BacktestStatus Persisting(BacktestPlan plan) => new("persisting", plan.Hours, plan.Hours, plan.Segments.Count, plan.Segments.Count, null, 1);

    public static BacktestStatus Completed(BacktestPlan plan) => Persisting(plan) with { Phase = "completed" };
}
