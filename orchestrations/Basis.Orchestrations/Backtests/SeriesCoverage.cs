using Basis.Core.Market;

namespace Basis.Orchestrations.Backtests;

/// <summary>The period the data holds of one series a run reads: from its first month to the end of its last; null when it holds none.</summary>
public sealed record SeriesCoverage(SeriesId Id, DateTime? StartUtc, DateTime? EndUtc);
