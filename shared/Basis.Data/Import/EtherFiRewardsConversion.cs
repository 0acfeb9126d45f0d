using System.Globalization;
using Basis.Core.Market;
using Basis.Core.Time;

namespace Basis.Data.Import;

/// <summary>
/// Converts the original's <c>etherfi_seasonal_rewards</c> table into payouts of EIGEN and ETHFI per eETH.
/// Its rows mix four kinds of reward with different units; each is converted by its own rule below. The file's
/// constant <c>eigen_price_usd</c> (3.5) is never used.
/// </summary>
internal static class EtherFiRewardsConversion
{
    public const string EigenViaKing = "EIGEN_via_KING";
    public const string EigenViaDefiLlama = "EIGEN_via_DEFILLAMA";
    public const string EthfiViaKing = "ETHFI_via_KING";
    public const string EthfiSeasonalAirdrop = "ETHFI_Seasonal_Airdrop";

    public static readonly IReadOnlyList<string> RequiredColumns =
        ["period_start", "period_end", "payout_date", "reward_type", "eigen_per_eeth_weekly", "daily_yield_final", "data_quality", "ethfi_per_eeth"];

    private const long Day = 86_400;
    private const int MaxExamples = 5;

    /// <summary>
    /// Converts every row. Rows that cannot be converted go to <paramref name="log"/>. <paramref name="eigenWeth"/> is the
    /// EIGEN/WETH bar series used to turn DeFiLlama's ETH-value yields into EIGEN; null when it was not imported.
    /// </summary>
    public static EtherFiRewardsResult Convert(SourceTable table, SeriesData? eigenWeth, RowDropLog log)
    {
        var column = RequiredColumns.ToDictionary(c => c, table.IndexOf, StringComparer.Ordinal);
        var periodDays = table.IndexOf("period_days");
        var eventName = table.IndexOf("event_name");
        var notes = new List<string>();
        var eigen = new List<RewardPayout>();
        var ethfi = new List<RewardPayout>();
        var periodDaysDisagree = 0;
        var periods = new List<(string Type, string Name, DateOnly Start, DateOnly End)>();

        foreach (var row in table.Rows)
        {
            string Field(string name) => column[name] < row.Fields.Length ? row.Fields[column[name]].Trim() : string.Empty;
            string Describe() => $"line {row.Line}: {Field("reward_type")} {Field("period_start")} → {Field("period_end")}";

            if (!TryDate(Field("period_start"), out var start) || !TryDate(Field("period_end"), out var end) || !TryDate(Field("payout_date"), out var paid))
            {
                log.Add("period_start, period_end or payout_date is not a date", Describe());
                continue;
            }

            if (end < start)
            {
                log.Add("period_end is before period_start", Describe());
                continue;
            }

            var inclusiveDays = end.DayNumber - start.DayNumber + 1;
            if (periodDays >= 0 && periodDays < row.Fields.Length &&
                int.TryParse(row.Fields[periodDays], NumberStyles.Integer, CultureInfo.InvariantCulture, out var statedDays) && statedDays != inclusiveDays)
            {
                periodDaysDisagree++;
            }

            var periodStart = Seconds(start);

            // The period ends at the end of its last day; a payout cannot come before the period it pays for,
            // though some rows give the last day itself as the payout date.
            var periodEnd = Seconds(end) + Day;
            var payout = Math.Max(Seconds(paid), periodEnd);
            var estimated = Field("data_quality") != "exact";
            var type = Field("reward_type");
            double tokens;
            switch (type)
            {
                case EigenViaKing:
                    if (!TryNumber(Field("eigen_per_eeth_weekly"), out var weekly))
                    {
                        log.Add("eigen_per_eeth_weekly is empty or not a number", Describe());
                        continue;
                    }

                    // A weekly rate over a period of any length: scale by the period's days.
                    tokens = weekly * inclusiveDays / 7.0;
                    break;

                case EigenViaDefiLlama:
                    if (inclusiveDays != 1)
                    {
                        log.Add("a DeFiLlama row must cover one day (its yield is per day)", Describe());
                        continue;
                    }

                    if (!TryNumber(Field("daily_yield_final"), out var dailyYieldEth))
                    {
                        log.Add("daily_yield_final is empty or not a number", Describe());
                        continue;
                    }

                    if (eigenWeth is null || EigenPriceInEth(eigenWeth, periodStart) is not { } price)
                    {
                        log.Add("no EIGEN/WETH price for the day (spot/uniswap/EIGENWETH has no bar that day nor within 24 h before it)", Describe());
                        continue;
                    }

                    // DeFiLlama gives the day's reward as ETH value per eETH; EIGEN paid = that value / EIGEN's ETH price.
                    tokens = dailyYieldEth / price;
                    estimated = true;
                    break;

                case EthfiViaKing:
                case EthfiSeasonalAirdrop:
                    if (!TryNumber(Field("ethfi_per_eeth"), out tokens))
                    {
                        log.Add("ethfi_per_eeth is empty or not a number", Describe());
                        continue;
                    }

                    estimated = type == EthfiSeasonalAirdrop || estimated;
                    break;

                default:
                    log.Add("unknown reward_type", Describe());
                    continue;
            }

            var payoutRow = new RewardPayout(payout, periodStart, periodEnd, tokens, estimated, row.Line, type);
            (type.StartsWith("EIGEN", StringComparison.Ordinal) ? eigen : ethfi).Add(payoutRow);
            periods.Add((type, eventName >= 0 && eventName < row.Fields.Length ? row.Fields[eventName] : type, start, end));
        }

        if (periodDaysDisagree > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"period_days differs from the inclusive day count of period_start → period_end in {periodDaysDisagree} rows; the dates are used"));
        }

        notes.AddRange(OverlapNotes(periods));
        notes.Add("eigen_price_usd (a constant 3.5 in the original) is ignored; DeFiLlama rows are priced with the EIGEN/WETH pool");

        var conflicts = new List<string>();
        var (eigenMerged, eigenConflictStamps, eigenConflictRows) = MergeByPayout(eigen, "EIGEN", conflicts, notes);
        var (ethfiMerged, ethfiConflictStamps, ethfiConflictRows) = MergeByPayout(ethfi, "ETHFI", conflicts, notes);
        return new EtherFiRewardsResult(eigenMerged, ethfiMerged, eigenConflictStamps + ethfiConflictStamps,
            eigenConflictRows + ethfiConflictRows, conflicts.Take(MaxExamples).ToArray(), notes);
    }

    /// <summary>
    /// EIGEN's price in ETH for the UTC day starting at <paramref name="dayStart"/>: the open of the day's first bar,
    /// else the close of the last bar of the 24 hours before the day (the latest price known at its start), else null.
    /// </summary>
    public static double? EigenPriceInEth(SeriesData bars, long dayStart)
    {
        var times = bars.Times;
        var index = times.BinarySearch(dayStart);
        if (index < 0)
        {
            index = ~index;
        }

        if (index < times.Length && times[index] < dayStart + Day)
        {
            return bars.Column("open")[index];
        }

        return index > 0 && times[index - 1] >= dayStart - Day ? bars.Column("close")[index - 1] : null;
    }

    /// <summary>
    /// One payout per timestamp: rows for the same period are summed (two programs paying at once); rows for
    /// different periods at the same timestamp contradict each other and are all dropped.
    /// </summary>
    private static (List<RewardPayout> Merged, int ConflictStamps, int ConflictRows) MergeByPayout(
        List<RewardPayout> payouts, string token, List<string> conflicts, List<string> notes)
    {
        var merged = new List<RewardPayout>();
        var conflictStamps = 0;
        var conflictRows = 0;
        foreach (var group in payouts.GroupBy(p => p.Payout).OrderBy(g => g.Key))
        {
            var rows = group.OrderBy(p => p.Line).ToList();
            if (rows.Count == 1)
            {
                merged.Add(rows[0]);
            }
            else if (rows.All(r => r.PeriodStart == rows[0].PeriodStart && r.PeriodEnd == rows[0].PeriodEnd))
            {
                merged.Add(rows[0] with { TokensPerEeth = rows.Sum(r => r.TokensPerEeth), Estimated = rows.Any(r => r.Estimated) });
                notes.Add($"{token} payout at {UnixTime.Format(group.Key)}: {rows.Count} rows for the same period summed (lines {string.Join(", ", rows.Select(r => r.Line))})");
            }
            else
            {
                conflictStamps++;
                conflictRows += rows.Count;
                conflicts.Add($"{token} payout at {UnixTime.Format(group.Key)}: " + string.Join(" vs ", rows.Select(r =>
                    string.Create(CultureInfo.InvariantCulture, $"{r.RewardType} {UnixTime.Format(r.PeriodStart)} → {UnixTime.Format(r.PeriodEnd)} {SourceValue.Format(r.TokensPerEeth)} (line {r.Line})"))));
            }
        }

        return (merged, conflictStamps, conflictRows);
    }

    private static IEnumerable<string> OverlapNotes(List<(string Type, string Name, DateOnly Start, DateOnly End)> periods)
    {
        foreach (var type in periods.Select(p => p.Type).Distinct().Order(StringComparer.Ordinal))
        {
            var ofType = periods.Where(p => p.Type == type).OrderBy(p => p.Start).ThenBy(p => p.End).ToList();
            for (var i = 1; i < ofType.Count; i++)
            {
                var (a, b) = (ofType[i - 1], ofType[i]);
                if (b.Start <= a.End)
                {
                    yield return string.Create(CultureInfo.InvariantCulture,
                        $"{type} periods overlap: '{a.Name}' {a.Start:yyyy-MM-dd} → {a.End:yyyy-MM-dd} and '{b.Name}' {b.Start:yyyy-MM-dd} → {b.End:yyyy-MM-dd} (both kept: they are separate payouts)");
                }
            }
        }
    }

    private static long Seconds(DateOnly date) => UnixTime.ToSeconds(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static bool TryNumber(string text, out double value) => SourceValue.TryParseNumber(text, out value);
}
