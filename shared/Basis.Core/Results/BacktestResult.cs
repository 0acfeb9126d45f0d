using Basis.Core.Events;

namespace Basis.Core.Results;

/// <summary>Everything a run produced.</summary>
/// <param name="Summary">Headline figures.</param>
/// <param name="Timeseries">Hourly values.</param>
/// <param name="Events">Every action and settlement, in order.</param>
/// <param name="FinalPositions">Held quantities at the end, by position key.</param>
public sealed record BacktestResult(
    BacktestSummary Summary,
    Timeseries Timeseries,
    IReadOnlyList<SimulationEvent> Events,
    IReadOnlyDictionary<string, double> FinalPositions);
