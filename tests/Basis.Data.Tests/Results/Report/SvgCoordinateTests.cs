using System.Globalization;
using Basis.Data.Results.Report;

namespace Basis.Data.Tests.Results.Report;

public sealed class SvgCoordinateTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.04, "0")]
    [InlineData(-0.05, "-0.1")]
    [InlineData(0.05, "0.1")]
    [InlineData(12.25, "12.3")]
    [InlineData(-12.25, "-12.3")]
    [InlineData(78.0, "78")]
    [InlineData(959.96, "960")]
    [InlineData(-3.5, "-3.5")]
    [InlineData(1e12, "1000000000000")]
    [InlineData(-2.5e15, "-2500000000000000")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void A_coordinate_is_rounded_to_a_tenth_and_never_negative_zero(double value, string text)
    {
        Assert.Equal(text, SvgCoordinate.Of(value).ToString());
    }

    [Fact]
    public void Negative_zero_is_zero()
    {
        Assert.Equal("0", SvgCoordinate.Of(-0.0).ToString());
        Assert.Equal(SvgCoordinate.Of(0.0), SvgCoordinate.Of(-0.0));
    }

    [Fact]
    public void Text_and_equality_agree_with_formatting_the_rounded_value_as_0_point_hash()
    {
        // Coordinates a chart produces (pixels with arbitrary fractions, exact midpoints, tiny negatives) and a few far
        // outside any chart: the text must be what "0.#" gives, and two coordinates equal exactly when their texts are.
        var random = new Random(1_500);
        var values = new List<double> { 0.45, 0.55, 1.05, 2.05, 1e11 + 0.05, 999_999_999_999.95, -999_999_999_999.95, 1e13 + 0.25 };
        for (var i = 0; i < 200_000; i++)
        {
            var scale = Math.Pow(10, random.Next(-3, 14));
            var value = (random.NextDouble() - 0.3) * scale;
            values.Add(i % 4 == 0 ? Math.Round(value, 2) : value);
            values.Add((Math.Round(value * 10) + 0.5) / 10);
        }

        SvgCoordinate? previous = null;
        string? previousText = null;
        foreach (var value in values)
        {
            var coordinate = SvgCoordinate.Of(value);
            var expected = Reference(value);
            Assert.Equal(expected, coordinate.ToString());
            if (previous is { } before)
            {
                Assert.Equal(previousText == expected, before == coordinate);
            }

            Assert.Equal(coordinate, SvgCoordinate.Of(double.Parse(expected, CultureInfo.InvariantCulture)));
            (previous, previousText) = (coordinate, expected);
        }
    }

    /// <summary>How the charts formatted a coordinate before coordinates were kept as tenths.</summary>
    private static string Reference(double value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("0.#", CultureInfo.InvariantCulture);
    }
}
