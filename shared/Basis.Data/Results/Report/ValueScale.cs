namespace Basis.Data.Results.Report;

/// <summary>A value axis: the range drawn and its ticks.</summary>
/// <param name="Min">Value at the bottom of the plot.</param>
/// <param name="Max">Value at the top of the plot (&gt; <paramref name="Min"/>).</param>
/// <param name="Ticks">Labelled values inside the range, ascending.</param>
internal sealed record ValueScale(double Min, double Max, IReadOnlyList<AxisTick> Ticks);
