namespace Basis.Data.Results.Report;

/// <summary>How a chart's value axis labels its ticks.</summary>
internal enum ValueFormat
{
    /// <summary>Plain numbers (amounts, quantities, health factor).</summary>
    Number,

    /// <summary>Fractions shown as percent (drawdown, LTV, margin ratio).</summary>
    Percent,
}
