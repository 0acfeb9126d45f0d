using System.Globalization;

namespace Basis.Data.Import;

/// <summary>Turns the text rows of a <see cref="SourceTable"/> into <see cref="TimedRow"/>s, dropping (and logging) rows that do not parse.</summary>
internal static class SourceRowParser
{
    /// <summary>
    /// Parses <paramref name="timeColumn"/> and <paramref name="valueColumns"/> of every row. Returns null and sets
    /// <paramref name="missingColumns"/> when the header lacks a column.
    /// </summary>
    public static List<TimedRow>? Parse(SourceTable table, string timeColumn, IReadOnlyList<string> valueColumns, RowDropLog log, out string missingColumns)
    {
        var timeIndex = table.IndexOf(timeColumn);
        var valueIndices = valueColumns.Select(table.IndexOf).ToArray();
        var missing = new[] { timeColumn }.Concat(valueColumns).Where(c => table.IndexOf(c) < 0).ToArray();
        if (missing.Length > 0)
        {
            missingColumns = string.Join(", ", missing);
            return null;
        }

        missingColumns = string.Empty;
        var rows = new List<TimedRow>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            var fields = row.Fields;
            var time = Field(fields, timeIndex);
            if (!SourceTimestamp.TryParse(time, out var t))
            {
                log.Add($"{timeColumn} is not a timestamp", string.Create(CultureInfo.InvariantCulture, $"line {row.Line}: '{time}'"));
                continue;
            }

            var values = new double[valueIndices.Length];
            string? bad = null;
            for (var c = 0; c < valueIndices.Length && bad is null; c++)
            {
                var text = Field(fields, valueIndices[c]);
                if (!SourceValue.TryParseNumber(text, out values[c]))
                {
                    bad = valueColumns[c];
                    log.Add($"{bad} is empty or not a finite number",
                        string.Create(CultureInfo.InvariantCulture, $"line {row.Line}: {time} {bad}='{text}'"));
                }
            }

            if (bad is null)
            {
                rows.Add(new TimedRow(t, values, row.Line));
            }
        }

        return rows;
    }

    private static string Field(string[] fields, int index) => index < fields.Length ? fields[index] : string.Empty;
}
