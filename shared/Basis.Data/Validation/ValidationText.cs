using System.Globalization;
using System.Text;
using Basis.Core.Time;

namespace Basis.Data.Validation;

/// <summary>Renders a <see cref="ValidationReport"/> for a terminal: one block per series and a totals line.</summary>
internal static class ValidationText
{
    private const string Indent = "  ";
    private const string ExampleIndent = "      ";
    private const int LineWidth = 120;

    public static string Render(ValidationReport report)
    {
        var text = new StringBuilder();
        var window = report.FromUtc is null && report.ToUtc is null
            ? string.Empty
            : $" in [{(report.FromUtc is { } f ? UnixTime.Format(f) : "start")}, {(report.ToUtc is { } t ? UnixTime.Format(t) : "end")})";
        text.Append(CultureInfo.InvariantCulture, $"Validation of {report.Root}{window}").Append('\n');
        if (report.Findings.Count > 0)
        {
            text.Append('\n').Append("(data folder)").Append('\n');
            AppendFindings(text, report.Findings);
        }

        foreach (var series in report.Series)
        {
            text.Append('\n');
            AppendCoverage(text, series);
            AppendFindings(text, series.Findings);
        }

        text.Append('\n').Append(CultureInfo.InvariantCulture,
            $"{Count(report.Series.Count, "series", "series")}, {Count(report.MonthFiles, "month file")}, {Count(report.Rows, "row")}: {Count(report.ErrorCount, "error")}, {Count(report.WarningCount, "warning")}, {report.InfoCount.ToString("N0", CultureInfo.InvariantCulture)} info")
            .Append('\n');
        return text.ToString();
    }

    private static void AppendCoverage(StringBuilder text, SeriesValidation series)
    {
        var coverage = series.Coverage;
        text.Append(CultureInfo.InvariantCulture, $"{series.Series} ({series.Cadence}): ");
        if (coverage.First is { } first && coverage.Last is { } last)
        {
            text.Append(CultureInfo.InvariantCulture, $"{UnixTime.Format(first)} to {UnixTime.Format(last)}, ");
        }

        text.Append(CultureInfo.InvariantCulture, $"{Count(coverage.Rows, "row")} in {Count(coverage.MonthFiles, "month file")}");
        text.Append(coverage.MissingMonths.Count == 0 ? ", no missing months" : ", missing months " + string.Join(' ', coverage.MissingMonths));
        if (coverage.LongestIntervalHours is { } longest)
        {
            text.Append(CultureInfo.InvariantCulture, $", longest interval {longest:0.##} h");
        }

        text.Append('\n');
        if (series.Findings.Count == 0)
        {
            text.Append(Indent).Append("ok").Append('\n');
        }
    }

    private static void AppendFindings(StringBuilder text, IReadOnlyList<ValidationFinding> findings)
    {
        foreach (var finding in findings)
        {
            text.Append(Indent).Append(Severity(finding.Severity).PadRight(8)).Append(finding.Check.PadRight(15));
            if (finding.File is { } file)
            {
                text.Append(file);
                if (finding.Line is { } line)
                {
                    text.Append(':').Append(line.ToString(CultureInfo.InvariantCulture));
                }

                text.Append(": ");
            }

            text.Append(finding.Message).Append('\n');
            if (finding.Examples.Count > 0)
            {
                // Row findings count rows, so a shortfall means more rows; range findings say so in their message.
                var items = finding.Examples.Select(Example).ToList();
                if (finding.Examples[0].Until is null && finding.Count > finding.Examples.Count)
                {
                    items.Add("...");
                }

                AppendWrapped(text, items);
            }
        }
    }

    /// <summary>Examples on indented lines of at most <see cref="LineWidth"/> characters, so that twenty gap ranges stay readable.</summary>
    private static void AppendWrapped(StringBuilder text, List<string> items)
    {
        var lineStart = text.Length;
        text.Append(ExampleIndent);
        for (var i = 0; i < items.Count; i++)
        {
            var separator = i == items.Count - 1 ? string.Empty : ";";
            if (text.Length - lineStart > ExampleIndent.Length && text.Length - lineStart + 1 + items[i].Length + separator.Length > LineWidth)
            {
                text.Append('\n');
                lineStart = text.Length;
                text.Append(ExampleIndent);
            }
            else if (i > 0)
            {
                text.Append(' ');
            }

            text.Append(items[i]).Append(separator);
        }

        text.Append('\n');
    }

    private static string Example(ValidationExample example) => example switch
    {
        { Until: { } until } => $"{UnixTime.Format(example.At)} until {UnixTime.Format(until)}",
        { Value: { } value } => $"{UnixTime.Format(example.At)} {value.ToString(CultureInfo.InvariantCulture)}",
        _ => UnixTime.Format(example.At),
    };

    private static string Severity(ValidationSeverity severity) => severity switch
    {
        ValidationSeverity.Error => "ERROR",
        ValidationSeverity.Warning => "WARNING",
        _ => "INFO",
    };

    private static string Count(long count, string noun, string? plural = null) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : plural ?? noun + "s");
}
