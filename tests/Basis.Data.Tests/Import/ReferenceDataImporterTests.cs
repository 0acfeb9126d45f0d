using System.Globalization;
using Basis.Core.Market;
using Basis.Core.Time;
using Basis.Data.Canonical;
using Basis.Data.Import;

namespace Basis.Data.Tests.Import;

public sealed class ReferenceDataImporterTests : IDisposable
{
    private const string BarsHeader = "timestamp,open,high,low,close,volume,source,symbol,data_type,turnover";
    private const string BybitSpot = "market_data/spot_prices/btc_usd/bybit_BTCUSDT_spot_1h_2024-01-01_2024-01-02.csv";
    private const string BinanceSpot = "market_data/spot_prices/btc_usd/binance_BTCUSDT_1h_2024-01-01_2024-01-02.csv";
    private const string OkxFunding = "market_data/derivatives/funding_rates/okx_ETHUSDT_funding_rates_2024-05-01_2024-05-02.csv";
    private const string OkxPerp = "market_data/derivatives/futures_ohlcv/okx_ETHUSDT_perp_1h_2024-08-01_2025-09-18.csv";
    private const string OkxPerpMonth = "market_data/derivatives/futures_ohlcv/okx_ETHUSDT_perp_1h_2024-08-01_2024-08-31.csv";
    private const string AaveUsdt = "protocol_data/aave/rates/aave_v3_aave-v3-ethereum_USDT_rates_2024-01-01_2024-01-03.csv";
    private const string AaveUsdtHourly = "protocol_data/aave/rates/aave_v3_aave-v3-ethereum_USDT_rates_2024-01-01_2024-01-03_hourly.csv";
    private const string Placeholder = "market_data/spot_prices/lst_eth_ratios/curve_weETHWETH_1h_2024-05-12_2025-09-27.csv";
    private const string Oracle = "protocol_data/aave/oracle/WETH_USD_oracle_2024-01-01_2024-01-02.csv";
    private const string Uniswap = "market_data/spot_prices/eth_usd/uniswapv3_WETHUSDT_1h_2024-01-01_2024-01-02.csv";
    private const string CostLookup = "execution_costs/lookup_tables/execution_costs_lookup.json";

    private static readonly DateTime Jan1 = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly SourceFolder _source = new();

    public void Dispose() => _source.Dispose();

    [Fact]
    public void Identical_duplicates_keep_one_copy_and_unsorted_rows_are_sorted()
    {
        var rows = HourlyBars(Jan1, 30);
        (rows[3], rows[4]) = (rows[4], rows[3]);
        rows.Insert(10, rows[9]);
        _source.Write(BybitSpot, [BarsHeader, .. rows]);

        var report = ReferenceDataImporter.Import(_source.Root, _source.Target);

        var entry = report.EntryFor(BybitSpot)!;
        Assert.Equal(ImportAction.RepairedAndImported, entry.Action);
        Assert.Equal(["spot/bybit/BTCUSDT"], entry.TargetSeries);
        Assert.Equal(31, entry.RowsRead);
        Assert.Equal(30, entry.RowsWritten);
        Assert.Equal(1, entry.IdenticalDuplicatesRemoved);
        Assert.Equal(1, entry.RowsOutOfOrder);
        var written = CanonicalSeriesReader.ReadAll(_source.Target, SeriesId.Parse("spot/bybit/BTCUSDT"));
        Assert.Equal(Enumerable.Range(0, 30).Select(h => UnixTime.ToSeconds(Jan1.AddHours(h))), written.Times.ToArray());
    }

    [Fact]
    public void Conflicting_funding_duplicates_drop_the_timestamp_and_gaps_are_reported_not_filled()
    {
        _source.Write(OkxFunding,
            "funding_timestamp,funding_rate,symbol,source",
            "2024-05-01T00:00:00Z,0.0001,ETHUSDT,okx",
            "2024-05-01T08:00:00Z,0.00012,ETHUSDT,okx",
            "2024-05-01T08:00:00Z,-0.00003,ETHUSDT,okx",
            "2024-05-01T16:00:00Z,0.00005,ETHUSDT,okx",
            "2024-05-02T00:00:00Z,0.00007,ETHUSDT,okx",
            "2024-05-02T08:00:00Z,0.00002,ETHUSDT,okx");

        var entry = ReferenceDataImporter.Import(_source.Root, _source.Target).EntryFor(OkxFunding)!;

        Assert.Equal(ImportAction.RepairedAndImported, entry.Action);
        Assert.Equal(1, entry.ConflictingTimestamps);
        Assert.Equal(2, entry.ConflictingDuplicatesRemoved);
        Assert.Equal("2024-05-01T08:00:00Z: rate=0.00012 (line 3) vs rate=-3E-05 (line 4)", Assert.Single(entry.ConflictExamples));
        Assert.Equal(4, entry.RowsWritten);

        // Dropping 08:00 leaves a 16 h interval among 8 h ones: one gap of one missing funding time.
        var gap = Assert.Single(entry.Gaps!.FirstRanges);
        Assert.Equal(new GapRange(Jan1.AddMonths(4).AddHours(8), Jan1.AddMonths(4).AddHours(8), 8), gap);
    }

    [Fact]
    public void Missing_hours_of_an_hourly_series_are_reported_as_gaps()
    {
        var rows = HourlyBars(Jan1, 48);
        rows.RemoveRange(10, 5); // 10:00 to 14:00 missing
        _source.Write(BinanceSpot, [BarsHeader, .. rows]);

        var entry = ReferenceDataImporter.Import(_source.Root, _source.Target).EntryFor(BinanceSpot)!;

        Assert.Equal(ImportAction.Imported, entry.Action);
        Assert.Equal(1, entry.Gaps!.Count);
        Assert.Equal(5, entry.Gaps.MissingHours);
        Assert.Equal(new GapRange(Jan1.AddHours(10), Jan1.AddHours(14), 5), Assert.Single(entry.Gaps.FirstRanges));
        Assert.Contains("1 gaps totalling 5 h reported, not filled", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_file_is_refused_with_its_symptoms()
    {
        _source.Write(Placeholder, ["timestamp,price", .. Enumerable.Range(0, 24).Select(h =>
            string.Create(CultureInfo.InvariantCulture, $"{UnixTime.Format(new DateTime(2024, 5, 12, h, 0, 0, DateTimeKind.Utc))},{1 + (h * 0.0001):0.0000}"))]);

        var entry = ReferenceDataImporter.Import(_source.Root, _source.Target).EntryFor(Placeholder)!;

        Assert.Equal(ImportAction.Refused, entry.Action);
        Assert.Equal(24, entry.RowsRead);
        Assert.Contains("claims 2024-05-12 → 2025-09-27 (504 days) but the file holds 24 rows", entry.Reason, StringComparison.Ordinal);
        Assert.Contains("exact arithmetic progression", entry.Reason, StringComparison.Ordinal);
        Assert.Contains("peg/weETH", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Daily_aave_snapshots_become_hourly_rows_with_geometric_indices()
    {
        _source.Write(AaveUsdt,
            "targetDate,timestamp,blockNumber,reserve,symbol,liquidityIndex,currentLiquidityRate,variableBorrowIndex,currentVariableBorrowRate,date",
            "2024-01-01T00:00:00Z,1704067200,1,0xdac,USDT,1.0,0.08,1.0,0.10,2024-01-01",
            "2024-01-02T00:00:00Z,1704153600,2,0xdac,USDT,1.21,0.09,1.44,0.12,2024-01-02",
            "2024-01-03T00:00:00Z,1704240000,3,0xdac,USDT,1.331,0.07,1.728,0.11,2024-01-03");
        _source.Write(AaveUsdtHourly, "timestamp,liquidityIndex", "2024-01-01 01:00:00+00:00,1.01");

        var report = ReferenceDataImporter.Import(_source.Root, _source.Target);

        var entry = report.EntryFor(AaveUsdt)!;
        Assert.Equal(ImportAction.RepairedAndImported, entry.Action);
        Assert.Equal(3, entry.RowsRead);
        Assert.Equal(49, entry.RowsWritten); // 00:00 on the 1st to 00:00 on the 3rd inclusive
        var aave = CanonicalSeriesReader.ReadAll(_source.Target, SeriesId.Parse("aave/ethereum/USDT"));

        // Noon on day 1: 1.0 × 1.21^(12/24) = 1.1 (linear would say 1.105); borrow index 1.44^(1/2) = 1.2.
        Assert.Equal(1.1, aave.Column("liquidity_index")[12], 12);
        Assert.Equal(1.2, aave.Column("variable_borrow_index")[12], 12);
        Assert.Equal(0.08, aave.Column("liquidity_rate")[23]);
        Assert.Equal(0.09, aave.Column("liquidity_rate")[24]);
        Assert.Equal(1.331, aave.Column("liquidity_index")[48]);

        var hourly = report.EntryFor(AaveUsdtHourly)!;
        Assert.Equal(ImportAction.Skipped, hourly.Action);
        Assert.Equal("linear interpolation of the same daily snapshots; recomputed geometrically from the daily file", hourly.Reason);
    }

    [Fact]
    public void Unix_seconds_and_commented_headers_with_space_separated_timestamps_are_read()
    {
        _source.Write(Uniswap, ["timestamp,date_utc,open,high,low,close,volume,pool_address", .. Enumerable.Range(0, 30).Select(h =>
            string.Create(CultureInfo.InvariantCulture, $"{UnixTime.ToSeconds(Jan1.AddHours(h))},x,{Price(h)},{Price(h) + 5},{Price(h) - 5},{Price(h + 1)},12.5,0x4e")),]);
        _source.Write(Oracle, ["# Source: aave_oracle_extracted", "# Records: 30", "timestamp,oracle_price_usd,asset,source,quote_currency", .. Enumerable.Range(1, 30).Select(h =>
            string.Create(CultureInfo.InvariantCulture, $"{Jan1.AddHours(h):yyyy-MM-dd HH:mm:ss}+00:00,{Price(h)},WETH,aave,USD")),]);

        var report = ReferenceDataImporter.Import(_source.Root, _source.Target);

        Assert.Equal(ImportAction.Imported, report.EntryFor(Uniswap)!.Action);
        Assert.Equal(30, report.EntryFor(Uniswap)!.RowsWritten);
        var oracle = report.EntryFor(Oracle)!;
        Assert.Equal(ImportAction.Imported, oracle.Action);
        Assert.Equal(30, oracle.RowsRead);
        var series = report.Series.Single(s => s.Series == "oracle/aave/ETH-USD");
        Assert.Equal(Jan1.AddHours(1), series.First);
        Assert.Equal(Jan1.AddHours(30), series.Last);
    }

    [Fact]
    public void A_subset_file_that_agrees_is_skipped_and_one_that_disagrees_is_a_conflict()
    {
        var august = new DateTime(2024, 8, 1, 0, 0, 0, DateTimeKind.Utc);
        var full = HourlyBars(august, 60);
        _source.Write(OkxPerp, [BarsHeader, .. full]);
        _source.Write(OkxPerpMonth, [BarsHeader, .. full.Take(30)]);

        var agreeing = ReferenceDataImporter.Import(_source.Root, _source.Target).EntryFor(OkxPerpMonth)!;

        Assert.Equal(ImportAction.Skipped, agreeing.Action);
        Assert.StartsWith($"subset of {OkxPerp}: all 30 rows", agreeing.Reason, StringComparison.Ordinal);

        var altered = full.Take(30).ToList();
        altered[7] = altered[7].Replace(",12.5,", ",99.5,", StringComparison.Ordinal);
        _source.Write(OkxPerpMonth, [BarsHeader, .. altered]);

        var report = ReferenceDataImporter.Import(_source.Root, _source.Target);

        var conflicting = report.EntryFor(OkxPerpMonth)!;
        Assert.Equal(ImportAction.Refused, conflicting.Action);
        Assert.StartsWith($"conflict with {OkxPerp}", conflicting.Reason, StringComparison.Ordinal);
        Assert.Contains("1 rows differ", conflicting.Reason, StringComparison.Ordinal);
        Assert.Contains("has volume=12.5", Assert.Single(conflicting.ConflictExamples), StringComparison.Ordinal);
        Assert.Single(report.EntryFor(OkxPerp)!.Warnings);
    }

    [Fact]
    public void Every_file_gets_an_entry_unknown_ones_as_unrecognised_and_unmatched_patterns_as_missing()
    {
        _source.Write(BybitSpot, [BarsHeader, .. HourlyBars(Jan1, 30)]);
        _source.Write("notes/todo.txt", "check the OKX files");
        _source.Write("market_data/derivatives/futures_ohlcv/okx_ETHUSDT_perp_1m_2025-09-27_2025-09-29.csv", BarsHeader);

        var report = ReferenceDataImporter.Import(_source.Root, _source.Target);

        Assert.Equal(3, report.SourceFiles);
        Assert.Equal(ImportAction.Unrecognised, report.EntryFor("notes/todo.txt")!.Action);
        Assert.Equal(ImportAction.Skipped, report.EntryFor("market_data/derivatives/futures_ohlcv/okx_ETHUSDT_perp_1m_2025-09-27_2025-09-29.csv")!.Action);
        var gas = report.EntryFor("blockchain_data/gas_prices/ethereum_gas_prices_????-??-??_????-??-??.csv")!;
        Assert.Equal(ImportAction.Missing, gas.Action);
        Assert.Equal(["gas/ethereum"], gas.TargetSeries);
        Assert.Equal(report.Entries.Count, report.Actions.Imported + report.Actions.RepairedAndImported + report.Actions.Refused +
                                          report.Actions.Skipped + report.Actions.Unrecognised + report.Actions.Missing);
        Assert.Equal(report.Entries.OrderBy(e => e.SourcePath, StringComparer.Ordinal).Select(e => e.SourcePath), report.Entries.Select(e => e.SourcePath));
    }

    [Fact]
    public void The_report_is_written_to_the_target_and_is_identical_across_runs()
    {
        var rows = HourlyBars(Jan1, 30);
        _source.Write(BybitSpot, [BarsHeader, .. rows, rows[^1]]);
        _source.Write(Placeholder, "timestamp,price", "2024-05-12T00:00:00Z,1.0000");

        var first = ReferenceDataImporter.Import(_source.Root, _source.Target);
        var firstJson = File.ReadAllText(Path.Combine(_source.Target, ImportReport.FileName));
        var second = ReferenceDataImporter.Import(_source.Root, _source.Target);

        Assert.Equal(firstJson, File.ReadAllText(Path.Combine(_source.Target, ImportReport.FileName)));
        Assert.Equal(first.ToJson(), second.ToJson());
        Assert.Contains("\"action\": \"repaired-and-imported\"", firstJson, StringComparison.Ordinal);
        Assert.Contains("\"identical_duplicates_removed\": 1", firstJson, StringComparison.Ordinal);
        Assert.Equal(first.Entries.Count, ImportReport.ReadJson(Path.Combine(_source.Target, ImportReport.FileName)).Entries.Count);
    }

    [Fact]
    public void An_execution_cost_table_that_changes_over_time_is_skipped_with_a_warning()
    {
        _source.Write(CostLookup, """{"ETH_USDT": {"10k": {"2024-01-01": 5, "2024-01-02": 6}, "1m": {"2024-01-01": 13, "2024-01-02": 13}}}""");

        var entry = ReferenceDataImporter.Import(_source.Root, _source.Target).EntryFor(CostLookup)!;

        Assert.Equal(ImportAction.Skipped, entry.Action);
        Assert.Equal(["ETH_USDT: 1m 13 bps"], entry.Notes);
        Assert.Contains("ETH_USDT 10k: from 5 to 6 bps", Assert.Single(entry.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_constant_execution_cost_table_is_skipped_with_its_bps_per_bucket()
    {
        _source.Write(CostLookup, """{"ETHUSDT-PERP": {"10k": {"2024-01-01": 3, "2024-01-02": 3}, "100k": {"2024-01-01": 4, "2024-01-02": 4}}}""");

        var entry = ReferenceDataImporter.Import(_source.Root, _source.Target).EntryFor(CostLookup)!;

        Assert.StartsWith("checked: every pair and size bucket holds one constant value over all 2 days", entry.Reason, StringComparison.Ordinal);
        Assert.Equal(["ETHUSDT-PERP: 10k 3, 100k 4 bps"], entry.Notes);
        Assert.Empty(entry.Warnings);
    }

    [Fact]
    public void The_rewards_file_becomes_eigen_and_ethfi_payout_series()
    {
        const string Rewards = "protocol_data/staking/restaking_final/etherfi_seasonal_rewards_2024-01-01_2025-09-18.csv";
        const string EigenPool = "market_data/spot_prices/protocol_tokens/uniswapv3_EIGENWETH_1h_2025-08-01_2025-08-05.csv";
        var aug1 = new DateTime(2025, 8, 1, 0, 0, 0, DateTimeKind.Utc);
        _source.Write(EigenPool, ["timestamp,date_utc,open,high,low,close,volume", .. Enumerable.Range(0, 60).Select(h =>
            string.Create(CultureInfo.InvariantCulture, $"{UnixTime.ToSeconds(aug1.AddHours(h))},x,{EigenPrice(h)},0.0006,0.0003,{EigenPrice(h + 1)},3.5"))]);
        _source.Write(Rewards,
            "period_start,period_end,payout_date,period_days,reward_type,event_name,eigen_per_eeth_weekly,eigen_price_usd,daily_yield_final,data_quality,ethfi_per_eeth",
            "2025-07-27,2025-08-02,2025-08-02,6,EIGEN_via_KING,EIGEN_Weekly_Distribution,0.178,3.5,2.3e-05,exact,",
            "2025-08-03,2025-08-03,2025-08-03,1,EIGEN_via_DEFILLAMA,EIGEN_DeFiLlama_Approximation,,3.5,5e-06,estimated,",
            "2025-08-09,2025-08-09,2025-08-09,1,EIGEN_via_DEFILLAMA,EIGEN_DeFiLlama_Approximation,,3.5,5e-06,estimated,",
            "2025-02-01,2025-05-31,2025-06-15,119,ETHFI_Seasonal_Airdrop,Season 5 (Base),,,1.3e-05,estimated,2.0");

        var report = ReferenceDataImporter.Import(_source.Root, _source.Target);

        var entry = report.EntryFor(Rewards)!;
        Assert.Equal(ImportAction.RepairedAndImported, entry.Action); // the 08-09 row has no EIGEN price and is dropped
        Assert.Equal(["rewards/etherfi/EIGEN", "rewards/etherfi/ETHFI"], entry.TargetSeries);
        Assert.Equal(4, entry.RowsRead);
        Assert.Equal(3, entry.RowsWritten);

        // KING: 0.178 per week over 7 days, paid at the end of its period (08-03 00:00), not on its last day.
        // DeFiLlama 08-03: 5e-6 ETH / 0.0005 ETH per EIGEN (the open of 08-03 00:00) = 0.01 EIGEN, paid 08-04 00:00.
        Assert.Equal(
            "timestamp,period_start,period_end,tokens_per_eeth,estimated\n" +
            "2025-08-03T00:00:00Z,2025-07-27T00:00:00Z,2025-08-03T00:00:00Z,0.178,0\n" +
            "2025-08-04T00:00:00Z,2025-08-03T00:00:00Z,2025-08-04T00:00:00Z,0.01,1\n",
            File.ReadAllText(CanonicalLayout.MonthFile(_source.Target, SeriesId.Parse("rewards/etherfi/EIGEN"), 2025, 8)));
        Assert.Equal(
            "timestamp,period_start,period_end,tokens_per_eeth,estimated\n" +
            "2025-06-15T00:00:00Z,2025-02-01T00:00:00Z,2025-06-01T00:00:00Z,2,1\n",
            File.ReadAllText(CanonicalLayout.MonthFile(_source.Target, SeriesId.Parse("rewards/etherfi/ETHFI"), 2025, 6)));
    }

    [Fact]
    public void A_garbage_yield_file_is_refused_and_a_sound_one_skipped_as_derived()
    {
        const string Header = "date,timestamp,protocol,symbol,asset_type,base_staking_apr,base_staking_apy,daily_yield";
        const string Garbage = "protocol_data/staking/base_yields/wsteth_oracle_yields_2024-01-01_2025-09-18.csv";
        const string Sound = "protocol_data/staking/base_yields/weeth_oracle_yields_2024-01-01_2025-09-18.csv";
        var may = new DateTime(2024, 5, 12, 0, 0, 0, DateTimeKind.Utc);
        _source.Write(Garbage, [Header, .. Enumerable.Range(0, 60).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"2024-05-12,{may.AddHours(i % 2 == 0 ? i : 100 - i):yyyy-MM-dd'T'HH:mm:ss}+00:00Z,lido,wstETH,lst,{(i % 3 == 0 ? -0.1 : 3.5)},0.03,0.0001"))]);
        _source.Write(Sound, [Header, .. Enumerable.Range(0, 60).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{may.AddDays(i):yyyy-MM-dd},{may.AddDays(i):yyyy-MM-dd'T'HH:mm:ss}+00:00Z,etherfi,weETH,lrt,{0.02 + (i % 5 * 0.001)},0.03,0.0001"))]);

        var report = ReferenceDataImporter.Import(_source.Root, _source.Target);

        var garbage = report.EntryFor(Garbage)!;
        Assert.Equal(ImportAction.Refused, garbage.Action);
        Assert.StartsWith("garbage: 20 of 60 base_staking_apr values are negative", garbage.Reason, StringComparison.Ordinal);
        Assert.Contains("exceed 100% a year", garbage.Reason, StringComparison.Ordinal);
        Assert.Contains("rows are earlier than the row before them", garbage.Reason, StringComparison.Ordinal);
        Assert.EndsWith("recompute from oracle/aave/wstETH-ETH instead", garbage.Reason, StringComparison.Ordinal);
        var sound = report.EntryFor(Sound)!;
        Assert.Equal(ImportAction.Skipped, sound.Action);
        Assert.StartsWith("derived from oracle/aave/weETH-ETH", sound.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Identical_inconsistent_venue_margin_files_are_refused()
    {
        const string Json = """{"initial_margin_requirement": 0.05, "maintenance_margin_requirement": 0.1}""";
        _source.Write("market_data/derivatives/risk_params/binance_margin_requirements.json", Json);
        _source.Write("market_data/derivatives/risk_params/okx_margin_requirements.json", Json);

        var entry = ReferenceDataImporter.Import(_source.Root, _source.Target).EntryFor("market_data/derivatives/risk_params/okx_margin_requirements.json")!;

        Assert.Equal(ImportAction.Refused, entry.Action);
        Assert.Contains("identical to binance_margin_requirements.json", entry.Reason, StringComparison.Ordinal);
        Assert.Contains("maintenance margin 0.1 is above initial margin 0.05", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reimporting_replaces_the_month_files_a_previous_import_wrote_for_a_series()
    {
        var stale = CanonicalLayout.MonthFile(_source.Target, SeriesId.Parse("spot/bybit/BTCUSDT"), 2023, 12);
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        File.WriteAllText(stale, "timestamp,open,high,low,close,volume\n2023-12-31T23:00:00Z,1,1,1,1,1\n");
        _source.Write(BybitSpot, [BarsHeader, .. HourlyBars(Jan1, 30)]);

        ReferenceDataImporter.Import(_source.Root, _source.Target);

        Assert.False(File.Exists(stale));
        Assert.Equal(30, CanonicalSeriesReader.ReadAll(_source.Target, SeriesId.Parse("spot/bybit/BTCUSDT")).Count);
    }

    [Fact]
    public void Two_files_for_one_series_are_an_error_naming_both()
    {
        _source.Write(BybitSpot, [BarsHeader, .. HourlyBars(Jan1, 30)]);
        _source.Write("market_data/spot_prices/btc_usd/bybit_BTCUSDT_spot_1h_2024-01-01_2024-01-05.csv", [BarsHeader, .. HourlyBars(Jan1, 30)]);

        var error = Assert.Throws<ReferenceDataImportException>(() => ReferenceDataImporter.Import(_source.Root, _source.Target));

        Assert.Contains("spot/bybit/BTCUSDT needs exactly one source file", error.Message, StringComparison.Ordinal);
        Assert.Contains("bybit_BTCUSDT_spot_1h_2024-01-01_2024-01-02.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("bybit_BTCUSDT_spot_1h_2024-01-01_2024-01-05.csv", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_source.Target, "spot")));
    }

    [Fact]
    public void A_missing_source_folder_is_an_error_naming_it()
    {
        var missing = Path.Combine(_source.Root, "nope");

        var error = Assert.Throws<ReferenceDataImportException>(() => ReferenceDataImporter.Import(missing, _source.Target));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_inside_the_source_is_an_error()
    {
        var error = Assert.Throws<ReferenceDataImportException>(() => ReferenceDataImporter.Import(_source.Root, Path.Combine(_source.Root, "out")));

        Assert.Contains("overlap", error.Message, StringComparison.Ordinal);
    }

    private static double EigenPrice(int hour) => hour == 48 ? 0.0005 : 0.0004 + (hour % 7 * 0.00001);

    private static double Price(int hour) => 2000 + (hour * 7 % 13) + (hour % 5 * 0.25);

    /// <summary>Hourly bar lines with irregular prices (no arithmetic progression), volume 12.5.</summary>
    private static List<string> HourlyBars(DateTime start, int hours) =>
        Enumerable.Range(0, hours).Select(h => string.Create(CultureInfo.InvariantCulture,
            $"{UnixTime.Format(start.AddHours(h))},{Price(h)},{Price(h) + 5},{Price(h) - 5},{Price(h + 1)},12.5,bybit,BTCUSDT,spot,1000")).ToList();
}
