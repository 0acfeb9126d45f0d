using System.Numerics;

namespace Basis.Venues.Ethereum.Aave;

/// <summary>
/// AAVE v3's fixed-point arithmetic (WadRayMath.sol): indices and rates are rays (1e27), the health factor a wad
/// (1e18); products and quotients round half up, so a balance read back from the chain is reproduced to the wei.
/// </summary>
public static class RayMath
{
    /// <summary>1e27.</summary>
    public static readonly BigInteger Ray = BigInteger.Pow(10, 27);

    /// <summary>1e18.</summary>
    public static readonly BigInteger Wad = BigInteger.Pow(10, 18);

    /// <summary><c>a × b / RAY</c>, rounded half up (e.g. aToken balance = rayMul(scaled balance, normalized income)).</summary>
    public static BigInteger RayMul(BigInteger a, BigInteger b) => ((a * b) + (Ray / 2)) / Ray;

    /// <summary><c>a × RAY / b</c>, rounded half up (e.g. scaled amount minted or burned = rayDiv(amount, index)).</summary>
    public static BigInteger RayDiv(BigInteger a, BigInteger b) => ((a * Ray) + (b / 2)) / b;

    /// <summary>A ray as a decimal (1e27 → 1).</summary>
    public static decimal FromRay(BigInteger ray) => Scale(ray, 27);

    /// <summary>A wad as a decimal (1e18 → 1).</summary>
    public static decimal FromWad(BigInteger wad) => Scale(wad, 18);

    /// <summary><paramref name="value"/> / 10^<paramref name="decimals"/> as a decimal, exact while it fits in 28 digits.</summary>
    public static decimal Scale(BigInteger value, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value.Sign);
        var whole = BigInteger.DivRem(value, BigInteger.Pow(10, decimals), out var fraction);
        var wholeDigits = whole.IsZero ? 0 : whole.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        // Keep as many fraction digits as a decimal's 28 significant digits leave room for.
        var digits = Math.Clamp(28 - wholeDigits, 0, decimals);
        var kept = fraction / BigInteger.Pow(10, decimals - digits);
        var unit = 1m;
        for (var i = 0; i < digits; i++)
        {
            unit *= 10;
        }

        return (decimal)whole + ((decimal)kept / unit);
    }
}
