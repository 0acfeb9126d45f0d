using System.Globalization;
using Basis.Core.Market;

namespace Basis.Data.Import;

/// <summary>Imports the EtherFi seasonal-rewards table into <c>rewards/etherfi/EIGEN</c> and <c>rewards/etherfi/ETHFI</c>.</summary>
internal static class RewardsFileImport
{
    public static readonly SeriesId Eigen = SeriesId.Parse("rewards/etherfi/EIGEN");
    public static readonly SeriesId Ethfi = SeriesId.Parse("rewards/etherfi/ETHFI");
    public static readonly SeriesId EigenWethPool = SeriesId.Parse("spot/uniswap/EIGENWETH");

    public static void Run(ImportContext context, SourceFile file, ImportEntryBuilder entry)
    {
        var table = SourceTable.Read(file.FullPath, file.RelativePath);
        entry.RowsRead = table.Rows.Count;
        var missing = EtherFiRewardsConversion.RequiredColumns.Where(c => table.IndexOf(c) < 0).ToArray();
        if (missing.Length > 0)
        {
            entry.Refuse($"missing column(s) {string.Join(", ", missing)} (header: {string.Join(", ", table.Columns)})");
            return;
        }

        if (table.Rows.Count == 0)
        {
            entry.Refuse("no records: the file holds a header but no data rows");
            return;
        }

        var eigenPool = context.Written(EigenWethPool);
        if (eigenPool is null)
        {
            entry.Warnings.Add($"{EigenWethPool} was not imported, so DeFiLlama EIGEN rows cannot be priced and are dropped");
        }

        var result = EtherFiRewardsConversion.Convert(table, eigenPool, entry.Dropped);
        entry.ConflictingTimestamps = result.ConflictingTimestamps;
        entry.ConflictingDuplicatesRemoved = result.ConflictingRows;
        entry.ConflictExamples.AddRange(result.ConflictExamples);
        entry.Notes.AddRange(result.Notes);

        var written = new List<string>();
        foreach (var (id, payouts) in new[] { (Eigen, result.Eigen), (Ethfi, result.Ethfi) })
        {
            var rows = payouts
                .Select(p => new TimedRow(p.Payout, [p.PeriodStart, p.PeriodEnd, p.TokensPerEeth, p.Estimated ? 1 : 0], p.Line))
                .ToList();
            rows = ColumnLimits.Apply(rows, SeriesCatalog.Spec(id).Columns, entry.Dropped);
            if (rows.Count == 0)
            {
                entry.Warnings.Add($"no payouts for {id}; the series is not written");
                continue;
            }

            var series = SeriesFileImport.ToSeries(id, rows);
            context.Write(series, file.RelativePath);
            entry.RowsWritten += series.Count;
            var estimated = rows.Count(r => r.Values[3] == 1);
            written.Add(string.Create(CultureInfo.InvariantCulture,
                $"{id}: {series.Count} payouts ({estimated} estimated), {SourceValue.Format(series.Times[0])} → {SourceValue.Format(series.Times[^1])}"));
        }

        if (written.Count == 0)
        {
            entry.Refuse("no reward row could be converted");
            return;
        }

        entry.Action = entry.HasRepairs ? ImportAction.RepairedAndImported : ImportAction.Imported;
        entry.Reason = "converted to payouts of tokens per eETH (EIGEN via KING: weekly rate × days / 7; EIGEN via DeFiLlama: daily ETH yield / EIGEN price in ETH; ETHFI: per-eETH amounts as given); " +
                       string.Join("; ", written) +
                       (entry.HasRepairs ? string.Create(CultureInfo.InvariantCulture, $"; {entry.Dropped.Total} rows dropped and {entry.ConflictingTimestamps} conflicting payout timestamps removed") : string.Empty);
    }
}
