namespace Basis.Data.Import;

/// <summary>
/// Files the original kept as stand-ins for data it never downloaded (LST/ETH DEX ratios, Binance EIGEN/ETHFI).
/// They have no canonical series; the real substitutes are named in the report. The placeholder rule decides
/// whether they are refused as fakes; one that turns out to look real is skipped with a warning to check it.
/// </summary>
internal static class PlaceholderCandidateCheck
{
    public static void Run(SourceFile file, ImportEntryBuilder entry, string substitute)
    {
        var table = SourceTable.Read(file.FullPath, file.RelativePath);
        entry.RowsRead = table.Rows.Count;
        var valueColumn = table.IndexOf("price") >= 0 ? "price" : "close";
        var rows = SourceRowParser.Parse(table, "timestamp", [valueColumn], entry.Dropped, out var missing);
        var notImported = $"no canonical series; {substitute}";
        if (rows is null)
        {
            entry.Skip(notImported);
            entry.Warnings.Add($"could not be checked for a placeholder: missing column(s) {missing}");
            return;
        }

        if (rows.Count == 0)
        {
            entry.Refuse($"no records; {substitute}");
            return;
        }

        ChronologicalOrder.Sort(rows);
        if (PlaceholderDetector.Detect(file.RelativePath, rows, 0, valueColumn) is { } placeholder)
        {
            entry.Refuse($"{placeholder}; {substitute}");
            return;
        }

        entry.Skip(notImported);
        entry.Warnings.Add("the original shipped this file as a placeholder, but this copy does not look like one; check whether it holds real data");
    }
}
