using System.Globalization;
using Basis.Core.Market;

namespace Basis.Data.Import;

/// <summary>
/// A file whose rows should all be in another, imported file (the original re-exported one month of OKX perps
/// next to the full file). If every row agrees it adds nothing and is skipped; if any disagrees, one of the two is
/// wrong and the conflict is reported.
/// </summary>
internal static class SubsetFileCheck
{
    private const int MaxExamples = 5;

    public static void Run(ImportContext context, SourceFile file, ImportEntryBuilder entry, SeriesId primary, SeriesSourceFormat format)
    {
        var names = SeriesCatalog.Spec(primary).Columns.Select(c => c.Name).ToArray();
        var table = SourceTable.Read(file.FullPath, file.RelativePath);
        entry.RowsRead = table.Rows.Count;
        var rows = SourceRowParser.Parse(table, format.TimeColumn, format.SourceColumns, entry.Dropped, out var missing);
        if (rows is null)
        {
            entry.Refuse($"missing column(s) {missing} (header: {string.Join(", ", table.Columns)})");
            return;
        }

        var imported = context.Written(primary);
        var primaryPath = context.SourceOf(primary);
        if (imported is null || primaryPath is null)
        {
            entry.Refuse($"meant as a subset of the file imported as {primary}, which was not imported; it cannot be checked and is not used");
            return;
        }

        ChronologicalOrder.Sort(rows);
        var absent = 0;
        var differ = 0;
        var examples = new List<string>();
        foreach (var row in rows)
        {
            var index = imported.Times.BinarySearch(row.Time);
            if (index < 0)
            {
                absent++;
                if (examples.Count < MaxExamples)
                {
                    examples.Add($"{SourceValue.Describe(row, names)}: no row at this time in {primaryPath}");
                }

                continue;
            }

            for (var c = 0; c < names.Length; c++)
            {
                if (imported.Column(c)[index] != row.Values[c])
                {
                    differ++;
                    if (examples.Count < MaxExamples)
                    {
                        examples.Add(string.Create(CultureInfo.InvariantCulture,
                            $"{SourceValue.Describe(row, names)}: {primaryPath} has {names[c]}={SourceValue.Format(imported.Column(c)[index])}"));
                    }

                    break;
                }
            }
        }

        if (absent == 0 && differ == 0 && rows.Count > 0)
        {
            entry.Skip(string.Create(CultureInfo.InvariantCulture,
                $"subset of {primaryPath}: all {SourceValue.Count(rows.Count)} rows ({SourceValue.Format(rows[0].Time)} → {SourceValue.Format(rows[^1].Time)}) agree with it exactly, so it adds nothing"));
            return;
        }

        entry.ConflictExamples.AddRange(examples);
        entry.Refuse(string.Create(CultureInfo.InvariantCulture,
            $"conflict with {primaryPath}, of which it should be a subset: {differ} rows differ and {absent} rows are absent from it; one of the two files is wrong"));
        context.EntryOf(primaryPath)?.Warnings.Add($"{file.RelativePath} should be a subset of this file but conflicts with it ({differ} rows differ, {absent} absent); check both");
    }
}
