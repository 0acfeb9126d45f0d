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
}
