namespace Basis.Data.Results.Report;

/// <summary>A labelled mark on an axis.</summary>
/// <param name="Position">Where, in the axis's data units (hours from the start, or the value).</param>
/// <param name="Label">What the tick says.</param>
internal sealed record AxisTick(double Position, string Label);
