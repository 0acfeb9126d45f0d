namespace Basis.Data.Sample;

/// <summary>
/// A discrete Ornstein–Uhlenbeck (AR(1)) process stepped once per period (an hour, unless the caller steps it
/// daily): <c>x(t+1) = mean + φ (x(t) − mean) + sd √(1 − φ²) z</c>, with φ set from the half-life (in periods) so the stationary
/// standard deviation is <c>sd</c> whatever the half-life. Most wandering quantities of the sample (funding,
/// basis, rates, peg premiums, gas) are one of these.
/// </summary>
internal sealed class MeanRevertingProcess
{
    private readonly double _mean;
    private readonly double _persistence;
    private readonly double _shockScale;

    public MeanRevertingProcess(double mean, double sd, double halfLifePeriods, double start)
    {
        _mean = mean;
        _persistence = PortableMath.PersistenceForHalfLife(halfLifePeriods);
        _shockScale = sd * Math.Sqrt(1 - (_persistence * _persistence));
        Value = start;
    }

    /// <summary>The current value.</summary>
    public double Value { get; private set; }

    /// <summary>Moves one period with the standard normal shock <paramref name="z"/>; returns the new value.</summary>
    public double Step(double z)
    {
        Value = _mean + (_persistence * (Value - _mean)) + (_shockScale * z);
        return Value;
    }

    /// <summary>
    /// Moves one period and folds the value back into [<paramref name="low"/>, <paramref name="high"/>].
    /// </summary>
    public double StepReflected(double z, double low, double high)
    {
        Value = Reflect(Step(z), low, high);
        return Value;
    }

    /// <summary>
    /// Folds <paramref name="x"/> into [<paramref name="low"/>, <paramref name="high"/>] by reflection at the bounds,
    /// which keeps a bounded quantity's distribution smooth at its bounds instead of piling up on them as
    /// clamping would.
    /// </summary>
    public static double Reflect(double x, double low, double high)
    {
        while (x < low || x > high)
        {
            x = x > high ? (2 * high) - x : (2 * low) - x;
        }

        return x;
    }
}
