using Basis.Core.Time;

namespace Basis.Core.Market;

/// <summary>Hours of a run that a required series (and its fallbacks) does not cover.</summary>
/// <param name="Series">The series.</param>
/// <param name="FromUtc">First uncovered hour.</param>
/// <param name="ToUtc">First covered hour after the gap (exclusive).</param>
/// <param name="StalenessHours">The limit the gap broke.</param>
/// <param name="Fallbacks">The fallbacks that were tried.</param>
public sealed record CoverageGap(SeriesId Series, DateTime FromUtc, DateTime ToUtc, int StalenessHours, IReadOnlyList<SeriesId> Fallbacks)
{
    /// <summary>Number of uncovered hours.</summary>
    public int Hours => (int)(ToUtc - FromUtc).TotalHours;

    /// <inheritdoc />
    public override string ToString()
    {
        var fallbacks = Fallbacks.Count == 0 ? "no fallback configured" : "fallbacks " + string.Join(", ", Fallbacks) + " do not cover it either";
        return $"{Series} has no value within {StalenessHours} h for {Hours} hour(s) {UnixTime.Format(FromUtc)} → {UnixTime.Format(ToUtc)} ({fallbacks})";
    }
}
