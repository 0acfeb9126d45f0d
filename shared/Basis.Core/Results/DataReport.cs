using Basis.Core.Market;

namespace Basis.Core.Results;

/// <summary>Where a run's data came from and what stood in for what.</summary>
/// <param name="Source">The data source (e.g. the folder).</param>
/// <param name="Series">One entry per requested series.</param>
public sealed record DataReport(string Source, IReadOnlyList<SeriesReport> Series)
{
    /// <summary>Total hours served by fallbacks across all series.</summary>
    public int FallbackHours => Series.Sum(s => s.FallbackHours.Values.Sum());
}
