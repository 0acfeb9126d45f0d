namespace Basis.Live.Schedules;

/// <summary>What a timer missed between its last run and now, collapsed into at most one run.</summary>
/// <param name="Count">How many occurrences fell in the gap (0: nothing was missed).</param>
/// <param name="Latest">The latest of them, the cycle the single catch-up run stands for; null when none.</param>
public readonly record struct MissedRuns(int Count, DateTimeOffset? Latest)
{
    /// <summary>True when the timer should run once now to catch up.</summary>
    public bool RunNow => Count > 0;
}
