namespace Basis.Core.Market;

/// <summary>What a run read of one series: rows, range, and the hours a fallback stood in.</summary>
/// <param name="Series">The requested series.</param>
/// <param name="Use">How the run used it.</param>
/// <param name="Rows">Rows read (including the look-back before the run).</param>
/// <param name="FirstUtc">First row read, if any.</param>
/// <param name="LastUtc">Last row read, if any.</param>
/// <param name="FallbackHours">Hours served by each fallback, by fallback id; empty when none was needed.</param>
/// <param name="FallbackSpans">
/// Which hours each fallback served, as runs of consecutive hours in time order (null when reading a summary written
/// before they were reported).
/// </param>
public sealed record SeriesReport(
    SeriesId Series,
    SeriesUse Use,
    int Rows,
    DateTime? FirstUtc,
    DateTime? LastUtc,
    IReadOnlyDictionary<string, int> FallbackHours,
    IReadOnlyList<FallbackSpan>? FallbackSpans = null);
