using Basis.Data.Sample;

namespace Basis.Data.Tests.Sample;

public sealed class PortableMathTests
{
    [Fact]
    public void Exp_agrees_with_the_platform_to_a_few_ulps()
    {
        for (var x = -60.0; x <= 60.0; x += 0.0137)
        {
            var expected = Math.Exp(x);
            Assert.True(Math.Abs(PortableMath.Exp(x) - expected) <= 1e-15 * expected, $"Exp({x}) = {PortableMath.Exp(x)}, platform {expected}");
        }

        Assert.Equal(1.0, PortableMath.Exp(0));
    }

    [Fact]
    public void Log_agrees_with_the_platform_to_a_few_ulps_from_subnormals_to_huge_numbers()
    {
        double[] samples = [double.Epsilon, 1e-310, 2.2250738585072014e-308, 1e-200, 1e-9, 0.3, 0.70710678, 0.9999999, 1.0000001, 1.5, 2, 1e9, 1e300];
        foreach (var x in samples.Concat(Enumerable.Range(1, 2000).Select(i => i * 0.00123)))
        {
            var expected = Math.Log(x);
            Assert.True(Math.Abs(PortableMath.Log(x) - expected) <= 1e-15 * Math.Max(1, Math.Abs(expected)), $"Log({x}) = {PortableMath.Log(x)}, platform {expected}");
        }

        Assert.Equal(0.0, PortableMath.Log(1));
    }

    [Fact]
    public void Log_refuses_what_has_no_real_logarithm()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PortableMath.Log(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PortableMath.Log(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PortableMath.Log(double.NaN));
    }

    [Fact]
    public void Quantize_rounds_half_to_even_at_the_given_decimals()
    {
        // 3300.125 is exact in binary, so ×100 is exactly 330012.5, a tie that goes to the even 330012.
        Assert.Equal(3300.12, PortableMath.Quantize(3300.125, 2));
        Assert.Equal(1.2346, PortableMath.Quantize(1.23456789, 4));
        Assert.Equal(0.00010171, PortableMath.Quantize(0.000101712345, 8));
        Assert.Equal("0.00010171", PortableMath.Quantize(0.000101712345, 8).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Persistence_halves_a_deviation_over_the_half_life()
    {
        var phi = PortableMath.PersistenceForHalfLife(48);

        Assert.Equal(0.5, Math.Pow(phi, 48), 12);
    }
}
