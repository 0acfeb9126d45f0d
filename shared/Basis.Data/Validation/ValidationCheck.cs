namespace Basis.Data.Validation;

/// <summary>The names of the checks, as they appear in <see cref="ValidationFinding.Check"/>.</summary>
public static class ValidationCheck
{
    /// <summary>The root folder: no series, or CSV files the canonical layout does not read.</summary>
    public const string Layout = "layout";

    /// <summary>A series asked for in <see cref="ValidationOptions.Series"/> has no files.</summary>
    public const string MissingSeries = "missing_series";

    /// <summary>A month file that cannot be read: wrong header, bad field, wrong field count, rows out of order.</summary>
    public const string File = "file";

    /// <summary>A row whose timestamp lies outside the month its file is named after.</summary>
    public const string Month = "month";

    /// <summary>A month file with a header and no rows.</summary>
    public const string EmptyFile = "empty_file";

    /// <summary>The same timestamp in two month files.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Hourly or daily rows that are not on a whole hour or day.</summary>
    public const string Cadence = "cadence";

    /// <summary>Values outside a column's possible range.</summary>
    public const string Range = "range";

    /// <summary>A column that can only grow (AAVE indices) falls.</summary>
    public const string NonDecreasing = "non_decreasing";

    /// <summary>A bar whose low or high does not bracket its open and close.</summary>
    public const string Ohlc = "ohlc";

    /// <summary>Missing hours or days, or event intervals much longer than usual.</summary>
    public const string Gap = "gap";

    /// <summary>Stretches without a row longer than the kind's staleness limit.</summary>
    public const string Staleness = "staleness";
}
