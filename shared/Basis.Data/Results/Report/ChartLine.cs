namespace Basis.Data.Results.Report;

/// <summary>A line on a chart; non-finite values are gaps.</summary>
/// <param name="Label">Legend text (escaped when drawn).</param>
/// <param name="Color">Stroke colour (a palette constant).</param>
/// <param name="Values">One value per hour.</param>
/// <param name="Hours">The hours drawn, ascending (see <see cref="ExtremaDownsampler"/>).</param>
/// <param name="StrokeWidth">Line width in pixels.</param>
internal sealed record ChartLine(string Label, string Color, double[] Values, int[] Hours, double StrokeWidth);
