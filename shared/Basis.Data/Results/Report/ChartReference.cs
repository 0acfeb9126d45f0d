namespace Basis.Data.Results.Report;

/// <summary>A dashed horizontal line at a fixed value (the liquidation threshold, the initial capital).</summary>
/// <param name="Label">Legend text (escaped when drawn).</param>
/// <param name="Color">Stroke colour (a palette constant).</param>
/// <param name="Value">Where, in the chart's value units.</param>
internal sealed record ChartReference(string Label, string Color, double Value);
