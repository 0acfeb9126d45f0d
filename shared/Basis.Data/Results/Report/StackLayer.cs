namespace Basis.Data.Results.Report;

/// <summary>One source's band in a <see cref="SignedStack"/>: it fills, at each hour, from <paramref name="Lower"/> to <paramref name="Upper"/>.</summary>
/// <param name="Lower">Bottom edge by hour.</param>
/// <param name="Upper">Top edge by hour (≥ the bottom edge; the band's height is the source's |value|).</param>
internal sealed record StackLayer(double[] Lower, double[] Upper);
