using System.Text.Json;
using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.History;

namespace Basis.Benchmarks.Pipeline;

/// <summary>
/// Where one orchestration's time went, read from its history's timestamps (one clock: the host runs in this
/// process): each phase's wall time, the engine time the segments measured, and what is left for the engine's turns.
/// </summary>
/// <param name="SpanMs">ExecutionStarted → ExecutionCompleted.</param>
/// <param name="PhaseMs">Activity name → wall time from its first scheduling to its last completion.</param>
/// <param name="EngineMs">Engine time inside the simulation segments (their own stopwatch).</param>
/// <param name="Activities">Activities scheduled.</param>
/// <param name="Turns">Orchestrator turns (each a replay of the history and a state write).</param>
/// <param name="HistoryBytes">Characters of inputs, outputs and payloads kept in the history.</param>
/// <param name="StartedUtc">When the execution started.</param>
/// <param name="CompletedUtc">When it completed.</param>
internal sealed record RunBreakdown(double SpanMs, IReadOnlyDictionary<string, double> PhaseMs, double EngineMs, int Activities, int Turns, long HistoryBytes, DateTime StartedUtc, DateTime CompletedUtc)
{
    /// <summary>The span not covered by any activity: turns (replay, state write, dispatch) and message hops.</summary>
    public double BetweenActivitiesMs => SpanMs - PhaseMs.Values.Sum();

    public static RunBreakdown From(IReadOnlyList<HistoryEvent> history)
    {
        var started = history.First(e => e.Kind == HistoryEventKind.ExecutionStarted).TimestampUtc;
        var completed = history.Last(e => e.Kind == HistoryEventKind.ExecutionCompleted).TimestampUtc;
        var scheduled = history.Where(e => e.Kind == HistoryEventKind.TaskScheduled).ToDictionary(e => e.TaskId);
        var phases = new Dictionary<string, (DateTime From, DateTime To)>(StringComparer.Ordinal);
        var engineMs = 0.0;
        foreach (var done in history.Where(e => e.Kind == HistoryEventKind.TaskCompleted))
        {
            var task = scheduled[done.TaskId];
            phases[task.Name!] = phases.TryGetValue(task.Name!, out var span)
                ? (Min(span.From, task.TimestampUtc), Max(span.To, done.TimestampUtc))
                : (task.TimestampUtc, done.TimestampUtc);
            if (task.Name == BacktestActivities.Simulate)
            {
                using var json = JsonDocument.Parse(done.Data!);
                engineMs += json.RootElement.GetProperty("elapsedMs").GetDouble();
            }
        }

        // Sequential segments: their wall time is the sum of each, not first-to-last (which would count the turns between them).
        var phaseMs = phases.ToDictionary(p => p.Key, p => (p.Value.To - p.Value.From).TotalMilliseconds, StringComparer.Ordinal);
        if (phases.ContainsKey(BacktestActivities.Simulate))
        {
            phaseMs[BacktestActivities.Simulate] = history.Where(e => e.Kind == HistoryEventKind.TaskCompleted && scheduled[e.TaskId].Name == BacktestActivities.Simulate)
                .Sum(e => (e.TimestampUtc - scheduled[e.TaskId].TimestampUtc).TotalMilliseconds);
        }

        return new RunBreakdown(
            (completed - started).TotalMilliseconds,
            phaseMs,
            engineMs,
            scheduled.Count,
            history.Count(e => e.Kind == HistoryEventKind.OrchestratorStarted),
            history.Sum(e => (long)(e.Data?.Length ?? 0)),
            started,
            completed);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
