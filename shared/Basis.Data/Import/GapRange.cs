namespace Basis.Data.Import;

/// <summary>One run of missing rows: the first and last expected timestamps that are absent (UTC).</summary>
/// <param name="From">First missing timestamp.</param>
/// <param name="To">Last missing timestamp.</param>
/// <param name="MissingHours">Hours of data the run lacks.</param>
public sealed record GapRange(DateTime From, DateTime To, double MissingHours);
