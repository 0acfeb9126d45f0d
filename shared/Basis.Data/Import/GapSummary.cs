namespace Basis.Data.Import;

/// <summary>
/// Gaps in a written series, reported and never filled. Hourly and daily series count missing hours or days;
/// event series (funding) count intervals longer than 1.5 times the median interval.
/// </summary>
/// <param name="Count">Number of gaps.</param>
/// <param name="MissingHours">Total hours the gaps lack.</param>
/// <param name="FirstRanges">The earliest gaps, at most <see cref="GapSummary.MaxRangesListed"/>.</param>
public sealed record GapSummary(int Count, double MissingHours, IReadOnlyList<GapRange> FirstRanges)
{
    /// <summary>How many ranges the report lists per file.</summary>
    public const int MaxRangesListed = 10;

    /// <summary>No gaps.</summary>
    public static GapSummary None { get; } = new(0, 0, []);
}
