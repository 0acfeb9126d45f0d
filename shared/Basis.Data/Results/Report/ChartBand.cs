namespace Basis.Data.Results.Report;

/// <summary>A filled band between two edges (a drawdown under zero, a layer of a stack).</summary>
/// <param name="Label">Legend text (escaped when drawn).</param>
/// <param name="Color">Fill colour (a palette constant).</param>
/// <param name="Lower">Bottom edge by hour.</param>
/// <param name="Upper">Top edge by hour.</param>
/// <param name="Hours">The hours drawn, ascending; bands of one stack share them so their edges meet.</param>
internal sealed record ChartBand(string Label, string Color, double[] Lower, double[] Upper, int[] Hours);
