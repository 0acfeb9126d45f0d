namespace Basis.Orchestrations.Backtests;

/// <summary>
/// A backtest's custom status while it runs: the phase (<c>simulating</c>, <c>assembling</c>, <c>completed</c>),
/// which segment of how many, the hours it covers, and <see cref="Progress"/> from 0 to 1. A run of up to a year is
/// one segment.
/// </summary>
public sealed record BacktestStatus(string Phase, int Segment, int Segments, string From, string To, double Progress)
{
    public static BacktestStatus Simulating(IReadOnlyList<SegmentRange> segments, int segment) =>
        new("simulating", segment + 1, segments.Count, segments[segment].From, segments[segment].To, (double)segment / (segments.Count + 1));

    public static BacktestStatus Assembling(IReadOnlyList<SegmentRange> segments) =>
        new("assembling", segments.Count, segments.Count, segments[0].From, segments[^1].To, (double)segments.Count / (segments.Count + 1));

    public static BacktestStatus Completed(IReadOnlyList<SegmentRange> segments) =>
        new("completed", segments.Count, segments.Count, segments[0].From, segments[^1].To, 1);
}
