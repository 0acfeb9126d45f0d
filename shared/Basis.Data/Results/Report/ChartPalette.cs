namespace Basis.Data.Results.Report;

/// <summary>
/// Colours of the report. Series take palette colours by position, so a source keeps its colour from mode to mode
/// (the attribution order is fixed); the palette is the common "category10" set plus two, readable on white.
/// </summary>
internal static class ChartPalette
{
    public const string Ink = "#1d1d1f";
    public const string Loss = "#c0392b";
    public const string Muted = "#8a8a8a";

    private static readonly string[] Colors =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#ad494a",
    ];

    public static string Color(int index) => Colors[index % Colors.Length];
}
