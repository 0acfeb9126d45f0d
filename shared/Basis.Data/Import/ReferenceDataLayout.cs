using Basis.Core.Market;

namespace Basis.Data.Import;

/// <summary>
/// The explicit mapping from the original system's <c>data/</c> folder to canonical series, and the reason for
/// every file that is not imported. Rules are tried in order and the first match owns a file; series rules come
/// first and run in this order, so a rule can use a series written by an earlier one (rewards use the EIGEN pool).
/// </summary>
internal static class ReferenceDataLayout
{
    private const string Spot = "market_data/spot_prices/";
    private const string Futures = "market_data/derivatives/futures_ohlcv/";
    private const string FundingRates = "market_data/derivatives/funding_rates/";
    private const string AaveRates = "protocol_data/aave/rates/";
    private const string AaveOracle = "protocol_data/aave/oracle/";
    private const string Staking = "protocol_data/staking/";
    private const string DateRange = "????-??-??_????-??-??";

    private static readonly SeriesSourceFormat Bars = new("timestamp", ["open", "high", "low", "close", "volume"], PrimaryColumn: 3, YieldColumns: []);
    private static readonly SeriesSourceFormat Funding = new("funding_timestamp", ["funding_rate"], 0, []);
    private static readonly SeriesSourceFormat AaveDaily = new("timestamp",
        ["liquidityIndex", "variableBorrowIndex", "currentLiquidityRate", "currentVariableBorrowRate"], 0, [], SeriesTransform.DailySnapshotsToHourly);
    private static readonly SeriesSourceFormat OracleUsd = new("timestamp", ["oracle_price_usd"], 0, []);
    private static readonly SeriesSourceFormat OracleEth = new("timestamp", ["oracle_price_eth"], 0, []);
    private static readonly SeriesSourceFormat Peg = new("timestamp", ["protocol_rate", "market_rate"], 0, []);
    private static readonly SeriesSourceFormat Gas = new("timestamp", ["base_fee_gwei", "priority_fee_p25_gwei", "priority_fee_p50_gwei", "priority_fee_p75_gwei"], 0, []);
    private static readonly SeriesSourceFormat Benchmark = new("date", ["apy_decimal"], 0, ["apy_decimal"]);

    private static readonly SeriesId OkxEthPerp = SeriesId.Parse("perp/okx/ETHUSDT");

    /// <summary>Every rule, in the order they are tried and run.</summary>
    public static IReadOnlyList<SourceRule> Rules { get; } = Build();

    private static List<SourceRule> Build()
    {
        var rules = new List<SourceRule>
        {
            Series(Spot + "btc_usd/binance_BTCUSDT_1h_*.csv", "spot/binance/BTCUSDT", Bars),
            Series(Spot + "btc_usd/bybit_BTCUSDT_spot_1h_*.csv", "spot/bybit/BTCUSDT", Bars),
            Series(Spot + "eth_usd/bybit_ETHUSDT_spot_1h_*.csv", "spot/bybit/ETHUSDT", Bars),
            Series(Spot + "eth_usd/uniswapv3_WETHUSDT_1h_*.csv", "spot/uniswap/WETHUSDT", Bars),
            Series(Spot + "protocol_tokens/uniswapv3_EIGENWETH_1h_*.csv", "spot/uniswap/EIGENWETH", Bars),
            Series(Spot + "protocol_tokens/uniswapv3_ETHFIWETH_1h_*.csv", "spot/uniswap/ETHFIWETH", Bars),
        };

        foreach (var venue in new[] { "binance", "bybit" })
        {
            foreach (var symbol in new[] { "BTCUSDT", "ETHUSDT" })
            {
                rules.Add(Series($"{Futures}{venue}_{symbol}_perp_1h_*.csv", $"perp/{venue}/{symbol}", Bars));
            }
        }

        // OKX has two hourly ETH files: the full export and a one-month re-export of August 2024. The full one is
        // named explicitly; the month is checked against it (below) rather than merged.
        rules.Add(Series(Futures + "okx_ETHUSDT_perp_1h_2024-08-01_2025-09-18.csv", OkxEthPerp.Value, Bars));

        foreach (var venue in new[] { "binance", "bybit", "okx" })
        {
            foreach (var symbol in new[] { "BTCUSDT", "ETHUSDT" })
            {
                rules.Add(Series($"{FundingRates}{venue}_{symbol}_funding_rates_*.csv", $"funding/{venue}/{symbol}", Funding));
            }
        }

        foreach (var asset in new[] { "USDT", "WETH", "weETH", "wstETH" })
        {
            // The dated pattern excludes the *_hourly.csv siblings (skipped below).
            rules.Add(Series($"{AaveRates}aave_v3_aave-v3-ethereum_{asset}_rates_{DateRange}.csv", $"aave/ethereum/{asset}", AaveDaily));
        }

        rules.Add(Series(AaveOracle + "WETH_USD_oracle_*.csv", "oracle/aave/ETH-USD", OracleUsd));
        rules.Add(Series(AaveOracle + "weETH_ETH_oracle_*.csv", "oracle/aave/weETH-ETH", OracleEth));
        rules.Add(Series(AaveOracle + "wstETH_ETH_oracle_*.csv", "oracle/aave/wstETH-ETH", OracleEth));
        rules.Add(Series(Staking + "peg_analysis/weETH_peg_analysis_*.csv", "peg/weETH", Peg));
        rules.Add(Series(Staking + "peg_analysis/wstETH_peg_analysis_*.csv", "peg/wstETH", Peg));
        rules.Add(Series($"blockchain_data/gas_prices/ethereum_gas_prices_{DateRange}.csv", "gas/ethereum", Gas));
        rules.Add(Series($"{Staking}benchmark_yields/ethena_susde_apr_benchmark_{DateRange}.csv", "benchmark/ethena/sUSDe", Benchmark));
        rules.Add(new SourceRule(Staking + "restaking_final/etherfi_seasonal_rewards_*.csv", exactlyOne: true,
            [RewardsFileImport.Eigen, RewardsFileImport.Ethfi], RewardsFileImport.Run));

        rules.Add(new SourceRule(Futures + "okx_ETHUSDT_perp_1h_2024-08-01_2024-08-31.csv", exactlyOne: false, [OkxEthPerp],
            (context, file, entry) => SubsetFileCheck.Run(context, file, entry, OkxEthPerp, Bars)));

        // Market data the importer deliberately leaves out.
        rules.Add(Skip(Futures + "*_perp_1m_*.csv", "minute bars (a few hours of samples), not hourly; no canonical series"));
        rules.Add(Skip("**/*_5m.csv", "5-minute test samples of the original (unsorted, duplicated); not hourly data"));
        rules.Add(Skip("market_data/okx/funding_rates/**", "raw OKX per-day funding dumps, the input of funding/okx/* (imported from the combined files)"));
        rules.Add(Skip("**/*.backup", "a backup copy the original's downloader left; the file it backs up is the one considered"));
        rules.Add(Checked(Spot + "lst_eth_ratios/*", (_, file, entry) =>
            PlaceholderCandidateCheck.Run(file, entry, "the real LST/ETH market rate is peg/weETH and peg/wstETH market_rate")));
        rules.Add(Checked(Spot + "protocol_tokens/binance_*USDT_*.csv", (_, file, entry) =>
            PlaceholderCandidateCheck.Run(file, entry, "the real EIGEN and ETHFI prices are spot/uniswap/EIGENWETH and spot/uniswap/ETHFIWETH (× ETH-USD)")));
        rules.Add(Checked("market_data/derivatives/risk_params/*_margin_requirements.json", MarginRequirementsCheck.Run));

        // AAVE files left out.
        rules.Add(Skip(AaveRates + "*_rates_*_hourly.csv", "linear interpolation of the same daily snapshots; recomputed geometrically from the daily file"));
        rules.Add(Skip(AaveOracle + "weETH_USD_oracle_*.csv", "redundant: it is oracle/aave/weETH-ETH × oracle/aave/ETH-USD"));
        rules.Add(Skip(AaveOracle + "wstETH_USD_oracle_*.csv", "redundant: it is oracle/aave/wstETH-ETH × oracle/aave/ETH-USD"));
        rules.Add(Skip(AaveOracle + "USDT_USD_oracle_*.csv", "USDT is the numeraire: 1 USDT = 1 USD by design decision, so its USD price is not used"));
        rules.Add(Checked(AaveOracle + "USDT_ETH_oracle_*.csv", (_, file, entry) =>
            EmptyFileCheck.Run(file, entry, "USDT is the numeraire; its ETH price is 1 / oracle/aave/ETH-USD")));
        rules.Add(Skip("protocol_data/aave/risk_params/*.json", "AAVE risk parameters (LTV, liquidation threshold, bonus) are configuration: they live in configs/, not in market data"));

        // Staking files left out.
        rules.Add(Checked(Staking + "base_yields/*_oracle_yields_*.csv", (_, file, entry) => DerivedYieldCheck.Run(file, entry)));
        rules.Add(Skip(Staking + "benchmark_yields/*_hourly_*.csv", "linear interpolation of the daily benchmark file (imported as benchmark/ethena/sUSDe)"));
        rules.Add(Skip("execution_costs/*.csv", "simulation output of the original's cost model; execution costs are configuration"));
        rules.Add(Checked("execution_costs/lookup_tables/execution_costs_lookup.json", (_, file, entry) => ExecutionCostLookupCheck.Run(file, entry)));
        rules.Add(Skip("blockchain_data/gas_prices/ethereum_gas_prices_enhanced_*.csv", "per-operation gas costs derived from the gas prices; Basis computes them from gas/ethereum and configured gas units"));

        // Hand-collected sources behind the processed files.
        rules.Add(Skip("manual_sources/aave_params/**", "hand-copied table of AAVE's parameters for all assets; the parameters Basis uses are configuration in configs/"));
        rules.Add(Skip("manual_sources/benchmark_data/**", "raw export behind the processed benchmark file (imported as benchmark/ethena/sUSDe)"));
        rules.Add(Skip("manual_sources/etherfi_distributions/eigen_distributions_raw.csv", "raw EIGEN distributions behind the seasonal rewards file (imported as rewards/etherfi/EIGEN)"));
        rules.Add(Skip("manual_sources/etherfi_distributions/ethfi_topups_raw.csv", "raw ETHFI top-ups behind the seasonal rewards file (imported as rewards/etherfi/ETHFI)"));
        rules.Add(Skip("manual_sources/etherfi_distributions/seasonal_drops.*", "notes on ETHFI seasonal airdrops (ranges as text) behind the seasonal rewards file (imported as rewards/etherfi/ETHFI)"));
        rules.Add(Skip("manual_sources/etherfi_distributions/bar-chart-*.csv", "a chart export of eETH supply APY; report, not data"));
        rules.Add(Skip("manual_sources/**", "hand-collected source material; report, not data"));
        rules.Add(Skip("ml_data/**", "machine-learning inputs of the original; Basis has no ML modes"));

        // Reports and summaries the original's pipeline wrote next to its data.
        rules.Add(Skip("execution_costs/execution_cost_summary.json", "summary of execution_costs_lookup.json; report, not data"));
        rules.Add(Skip("**/*summary*.json", "summary written by the original's pipeline; report, not data"));
        rules.Add(Skip("**/*report*.json", "report written by the original's pipeline; report, not data"));
        rules.Add(Skip("**/*analysis*.json", "analysis written by the original's pipeline; report, not data"));
        rules.Add(Skip("**/aave_calibration_*", "rate-model calibration of the original; report, not data"));
        rules.Add(Skip("analysis/**", "results of the original's analyzer; report, not data"));
        return rules;
    }

    private static SourceRule Series(string pattern, string id, SeriesSourceFormat format)
    {
        var series = SeriesId.Parse(id);
        return new SourceRule(pattern, exactlyOne: true, [series], (context, file, entry) => SeriesFileImport.Run(context, file, entry, series, format));
    }

    private static SourceRule Skip(string pattern, string reason) =>
        new(pattern, exactlyOne: false, [], (_, _, entry) => entry.Skip(reason));

    private static SourceRule Checked(string pattern, Action<ImportContext, SourceFile, ImportEntryBuilder> handle) =>
        new(pattern, exactlyOne: false, [], handle);
}
