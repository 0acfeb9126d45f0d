namespace Basis.Core.Market;

/// <summary>Consecutive hours a fallback stood in for its series.</summary>
/// <param name="Fallback">The fallback series id.</param>
/// <param name="FromUtc">First hour it served.</param>
/// <param name="ToUtc">The hour after the last it served (exclusive).</param>
public sealed record FallbackSpan(string Fallback, DateTime FromUtc, DateTime ToUtc);
