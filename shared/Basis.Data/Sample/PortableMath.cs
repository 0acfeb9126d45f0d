namespace Basis.Data.Sample;

/// <summary>
/// <c>exp</c> and <c>ln</c> built only from IEEE-754 operations that every runtime rounds identically (+, −, ×, ÷,
/// <see cref="Math.Round(double)"/>, <see cref="Math.ScaleB"/>). <see cref="Math.Exp"/> and <see cref="Math.Log(double)"/>
/// call the platform's C library, which may differ in the last bit between operating systems, CPUs and .NET
/// versions; one different bit early in a random walk would change every later price, so the sample generator
/// uses these instead to stay byte-identical everywhere. Accuracy is a few ulps, far beyond what the sample needs.
/// </summary>
internal static class PortableMath
{
    // ln 2 split so that k × Ln2High is exact for |k| < 2^11 (Cody–Waite range reduction, as in fdlibm).
    private const double Ln2High = 6.93147180369123816490e-01;
    private const double Ln2Low = 1.90821492927058770002e-10;
    private const double Ln2 = 0.69314718055994530942;
    private const double InverseLn2 = 1.44269504088896338700;
    private const double Sqrt2 = 1.41421356237309504880;
    private const double SmallestNormal = 2.2250738585072014e-308;
    private const double TwoTo54 = 18014398509481984.0;

    // 10^0 … 10^15 are exact doubles, so scaling by them adds no error of its own.
    private static readonly double[] PowersOfTen =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>e^x for |x| ≤ 700 (the generator never needs more).</summary>
    public static double Exp(double x)
    {
        if (!(Math.Abs(x) <= 700))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "PortableMath.Exp supports |x| <= 700.");
        }

        // x = k ln2 + r with |r| ≤ ln2/2, then e^r by its Taylor series (r^19/19! < 1e-26).
        var k = Math.Round(x * InverseLn2);
        var r = (x - (k * Ln2High)) - (k * Ln2Low);
        var sum = 1.0;
        for (var n = 19; n >= 1; n--)
        {
            sum = 1.0 + (sum * r / n);
        }

        return Math.ScaleB(sum, (int)k);
    }

    /// <summary>ln x for finite x &gt; 0.</summary>
    public static double Log(double x)
    {
        if (!(x > 0) || double.IsPositiveInfinity(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "PortableMath.Log needs a finite positive number.");
        }

        var exponent = 0;
        if (x < SmallestNormal)
        {
            x *= TwoTo54; // lift subnormals so the exponent bits below are meaningful
            exponent = -54;
        }

        // x = m × 2^e with m in [1, 2), read straight from the bits; then fold m into [√2/2, √2).
        var bits = BitConverter.DoubleToInt64Bits(x);
        exponent += (int)((bits >> 52) & 0x7FF) - 1023;
        var m = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        if (m > Sqrt2)
        {
            m *= 0.5;
            exponent++;
        }

        // ln m = 2 atanh(u) = 2 (u + u³/3 + u⁵/5 + …) with |u| ≤ 0.172, so 14 terms leave < 1e-22.
        var u = (m - 1) / (m + 1);
        var u2 = u * u;
        var series = 0.0;
        for (var n = 27; n >= 1; n -= 2)
        {
            series = (1.0 / n) + (series * u2);
        }

        return (exponent * Ln2) + (2 * u * series);
    }

    /// <summary>
    /// <paramref name="value"/> rounded half-to-even to <paramref name="decimals"/> decimal places, as a feed would
    /// publish it; the canonical writer then prints it with at most that many decimals.
    /// </summary>
    public static double Quantize(double value, int decimals)
    {
        var scale = PowersOfTen[decimals];
        return Math.Round(value * scale) / scale;
    }

    /// <summary>The per-step persistence φ of an AR(1) process whose deviations halve every <paramref name="halfLifePeriods"/> steps.</summary>
    public static double PersistenceForHalfLife(double halfLifePeriods) => Exp(-Ln2 / halfLifePeriods);
}
