namespace Basis.Data.Import;

/// <summary>
/// The original's base staking yields, computed from the AAVE oracle's LST/ETH rate. Basis recomputes yields from
/// the oracle series itself, so these are skipped; but a file that is garbage is refused and says why, because a
/// user may have relied on it.
/// </summary>
internal static class DerivedYieldCheck
{
    private static readonly string[] YieldColumns = ["base_staking_apr", "base_staking_apy"];

    public static void Run(SourceFile file, ImportEntryBuilder entry)
    {
        var table = SourceTable.Read(file.FullPath, file.RelativePath);
        entry.RowsRead = table.Rows.Count;
        var columns = YieldColumns.Where(c => table.IndexOf(c) >= 0).ToArray();
        var symbolIndex = table.IndexOf("symbol");
        var symbol = symbolIndex >= 0 && table.Rows.Count > 0 && symbolIndex < table.Rows[0].Fields.Length ? table.Rows[0].Fields[symbolIndex] : null;
        var derivedFrom = symbol is "weETH" or "wstETH" ? $"oracle/aave/{symbol}-ETH" : "the AAVE oracle's LST/ETH rate";
        var skipped = $"derived from {derivedFrom} (the yield is the growth of that rate); Basis computes it from the oracle series";

        var rows = columns.Length == 0 ? null : SourceRowParser.Parse(table, "timestamp", columns, entry.Dropped, out _);
        if (rows is null)
        {
            entry.Skip(skipped);
            entry.Warnings.Add($"could not be checked: it lacks a timestamp or any of {string.Join(", ", YieldColumns)}");
            return;
        }

        if (GarbageYieldDetector.Detect(rows, columns.Select((c, i) => (i, c)).ToArray()) is { } garbage)
        {
            entry.Refuse($"{garbage}; recompute from {derivedFrom} instead");
            return;
        }

        entry.Skip(skipped);
    }
}
