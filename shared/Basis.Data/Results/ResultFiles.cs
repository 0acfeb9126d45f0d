namespace Basis.Data.Results;

/// <summary>The files a run writes into its results folder (DESIGN §7).</summary>
public static class ResultFiles
{
    /// <summary>Headline figures.</summary>
    public const string Summary = "summary.json";

    /// <summary>Hourly values.</summary>
    public const string Timeseries = "timeseries.csv";

    /// <summary>One event per line.</summary>
    public const string Events = "events.jsonl";

    /// <summary>The self-contained page for people: summary and charts.</summary>
    public const string Report = "report.html";

    /// <summary>
    /// A finished run as <see cref="ResultPack"/> bytes, kept instead of <see cref="Timeseries"/>, <see cref="Events"/>
    /// and <see cref="Report"/> until one of them is first asked for (rendering them costs more than the run).
    /// </summary>
    public const string Pack = "result.pack";

    /// <summary>The files rendered from <see cref="Pack"/>.</summary>
    public static IReadOnlyList<string> Rendered { get; } = [Timeseries, Events, Report];
}
