namespace Basis.Core.Metrics;

/// <summary>Return and risk figures of an equity curve (see <see cref="PerformanceMetrics"/> for definitions).</summary>
public sealed record PerformanceFigures(
    double TotalReturn,
    double Apr,
    double? Apy,
    double? Volatility,
    double? Sharpe,
    double? Sortino,
    double? Calmar,
    double MaxDrawdown,
    int MaxDrawdownDurationHours);
