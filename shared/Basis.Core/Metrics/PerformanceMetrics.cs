using Basis.Core.Time;

namespace Basis.Core.Metrics;

/// <summary>
/// Return and risk metrics of an hourly equity curve that starts from the initial capital. Years are 8,760
/// hours; volatility, Sharpe and Sortino use daily returns between UTC midnights (plus the final hour), annualised
/// with 365 days and a zero risk-free rate. The original system divided by the wrong capital and hard-coded
/// Sharpe to 0; every figure here is computed from the curve itself.
/// </summary>
public static class PerformanceMetrics
{
    private const double HoursPerYear = 8760;
    private const double DaysPerYear = 365;

    /// <summary>Computes the figures; <paramref name="equity"/> holds the equity after each hour of <paramref name="grid"/>.</summary>
    public static PerformanceFigures Compute(double initialCapital, ReadOnlySpan<double> equity, HourGrid grid)
    {
        if (equity.Length != grid.Hours)
        {
            throw new ArgumentException($"Expected {grid.Hours} equity values, got {equity.Length}.", nameof(equity));
        }

        var final = equity[^1];
        var totalReturn = (final / initialCapital) - 1;
        var years = grid.Hours / HoursPerYear;
        double? apy = 1 + totalReturn > 0 ? Math.Pow(1 + totalReturn, 1 / years) - 1 : null;

        var (maxDrawdown, duration) = Drawdowns(initialCapital, equity);
        var daily = DailyReturns(initialCapital, equity, grid);
        double? volatility = null, sharpe = null, sortino = null;
        if (daily.Count >= 2)
        {
            var mean = daily.Average();
            var variance = daily.Sum(r => (r - mean) * (r - mean)) / (daily.Count - 1);
            volatility = Math.Sqrt(variance * DaysPerYear);
            var downside = Math.Sqrt(daily.Sum(r => Math.Min(r, 0) * Math.Min(r, 0)) / daily.Count * DaysPerYear);
            sharpe = volatility > 0 ? mean * DaysPerYear / volatility : null;
            sortino = downside > 0 ? mean * DaysPerYear / downside : null;
        }

        double? calmar = maxDrawdown > 0 && apy is { } a ? a / maxDrawdown : null;
        return new PerformanceFigures(totalReturn, totalReturn / years, apy, volatility, sharpe, sortino, calmar, maxDrawdown, duration);
    }

    /// <summary>Drawdown after each hour: equity ÷ running peak − 1 (≤ 0); the peak starts at the initial capital.</summary>
    public static double[] DrawdownSeries(double initialCapital, ReadOnlySpan<double> equity)
    {
        var result = new double[equity.Length];
        var peak = initialCapital;
        for (var h = 0; h < equity.Length; h++)
        {
            peak = Math.Max(peak, equity[h]);
            result[h] = (equity[h] / peak) - 1;
        }

        return result;
    }

    private static (double MaxDrawdown, int LongestUnderwaterHours) Drawdowns(double initialCapital, ReadOnlySpan<double> equity)
    {
        var peak = initialCapital;
        var max = 0.0;
        int longest = 0, current = 0;
        foreach (var value in equity)
        {
            if (value >= peak)
            {
                peak = value;
                current = 0;
                continue;
            }

            current++;
            longest = Math.Max(longest, current);
            max = Math.Max(max, 1 - (value / peak));
        }

        return (max, longest);
    }

    private static List<double> DailyReturns(double initialCapital, ReadOnlySpan<double> equity, HourGrid grid)
    {
        var returns = new List<double>(grid.Hours / 24 + 2);
        var previous = initialCapital;
        for (var h = 1; h < equity.Length; h++)
        {
            var isLast = h == equity.Length - 1;
            if (grid.TimeOf(h).TimeOfDay == TimeSpan.Zero || isLast)
            {
                returns.Add((equity[h] / previous) - 1);
                previous = equity[h];
            }
        }

        return returns;
    }
}
