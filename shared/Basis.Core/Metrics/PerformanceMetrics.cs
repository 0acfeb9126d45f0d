using Basis.Core.Time;

namespace Basis.Core.Metrics;

/// <summary>
/// Return and risk metrics of an hourly equity curve that starts from the initial capital. Deposits and
/// withdrawals are removed by working on the time-weighted index: each hour's return is (equity − that hour's
/// flow) ÷ the previous equity − 1, and the index is their product. Years are 8,760 hours; volatility, Sharpe and
/// Sortino use daily returns of the index between UTC midnights (plus the final hour), annualised with 365 days
/// and a zero risk-free rate. The original system divided by the wrong capital and hard-coded Sharpe to 0; every
/// figure here is computed from the curve itself.
/// </summary>
public static class PerformanceMetrics
{
    private const double HoursPerYear = 8760;
    private const double DaysPerYear = 365;

    /// <summary>
    /// Computes the figures; <paramref name="equity"/> holds the equity after each hour of <paramref name="grid"/> and
    /// <paramref name="flows"/> the deposits (+) and withdrawals (−) that arrived in each hour.
    /// </summary>
    public static PerformanceFigures Compute(double initialCapital, ReadOnlySpan<double> equity, ReadOnlySpan<double> flows, HourGrid grid)
    {
        if (equity.Length != grid.Hours || flows.Length != grid.Hours)
        {
            throw new ArgumentException($"Expected {grid.Hours} equity and flow values, got {equity.Length} and {flows.Length}.", nameof(equity));
        }

        var index = TimeWeightedIndex(initialCapital, equity, flows);
        var totalReturn = index[^1] - 1;
        var years = grid.Hours / HoursPerYear;
        double? apy = 1 + totalReturn > 0 ? Math.Pow(1 + totalReturn, 1 / years) - 1 : null;

        var (maxDrawdown, duration) = Drawdowns(1, index);
        var daily = DailyReturns(1, index, grid);
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

    /// <summary>The time-weighted index after each hour, starting from 1 before the first hour.</summary>
    public static double[] TimeWeightedIndex(double initialCapital, ReadOnlySpan<double> equity, ReadOnlySpan<double> flows)
    {
        var index = new double[equity.Length];
        var level = 1.0;
        var previous = initialCapital;
        for (var h = 0; h < equity.Length; h++)
        {
            // Nothing invested earns nothing: after a wipe-out (equity 0, bad debt written off) the index stays at 0.
            if (previous > 0)
            {
                level *= (equity[h] - flows[h]) / previous;
            }

            index[h] = level;
            previous = equity[h];
        }

        return index;
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
                returns.Add(previous > 0 ? (equity[h] / previous) - 1 : 0);
                previous = equity[h];
            }
        }

        return returns;
    }
}
