using BenchmarkDotNet.Attributes;
using Basis.Configuration.Binding;
using Basis.Core.Market;
using Basis.Core.Results;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Data.Canonical;

namespace Basis.Benchmarks;

/// <summary>
/// Engine time of a one-year hourly backtest (2024-06-01 → 2025-06-01) per mode, with the data already loaded:
/// the simulation, attribution, metrics and the result buffers, on one thread. The basis and hedged modes hedge on
/// Binance and Bybit, since OKX has no data for that year.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private static readonly DateTime Start = new(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private ResolvedMode _mode = null!;
    private MarketData _market = null!;

    [Params("pure_lending_usdt", "pure_lending_eth", "eth_staking_only", "btc_basis", "eth_basis", "eth_leveraged", "usdt_eth_staking_hedged_simple", "usdt_eth_staking_hedged_leveraged")]
    public string Mode { get; set; } = string.Empty;

    /// <summary>Hours simulated per run, for the hours-per-second column.</summary>
    public static int Hours => (int)(End - Start).TotalHours;

    [GlobalSetup]
    public void Setup()
    {
        var configuration = BasisConfiguration.Load(BenchmarkData.Configs);
        string[] overrides = Mode.EndsWith("_basis", StringComparison.Ordinal) || Mode.Contains("hedged", StringComparison.Ordinal)
            ? ["hedge_allocation={binance: 0.5, bybit: 0.5, okx: 0}"]
            : [];
        _mode = configuration.ResolveMode(Mode, overrides);
        var strategy = StrategyCatalog.Create(_mode.Settings);
        _market = MarketDataBuilder.BuildAsync(new(Start, End), DataPlan.Requests(_mode.Settings, strategy), new LocalMarketDataSource(BenchmarkData.Canonical)).GetAwaiter().GetResult();
    }

    [Benchmark]
    public BacktestResult OneYear() =>
        BacktestEngine.Run(new BacktestSpec("bench", _mode.Settings, _mode.Venues, Start, End, 100_000, _mode.ConfigHash, "bench"), StrategyCatalog.Create(_mode.Settings), _market);
}
