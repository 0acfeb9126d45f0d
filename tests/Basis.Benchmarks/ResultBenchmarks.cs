using BenchmarkDotNet.Attributes;
using Basis.Configuration.Binding;
using Basis.Core.Market;
using Basis.Core.Results;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Data.Canonical;
using Basis.Data.Results;

namespace Basis.Benchmarks;

/// <summary>
/// Rendering a one-year hourly result (2024-06-01 → 2025-06-01, hedged on Binance and Bybit) into its files, and
/// packing it into the bytes a finished run stores: each file on its own, all four together, and the pack both ways.
/// The result comes from the engine on the reference data, so its columns, values and events are a real run's.
/// </summary>
[MemoryDiagnoser]
public class ResultBenchmarks
{
    private static readonly DateTime Start = new(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private BacktestResult _result = null!;
    private byte[] _pack = null!;

    [Params("eth_basis", "usdt_eth_staking_hedged_leveraged")]
    public string Mode { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var configuration = BasisConfiguration.Load(BenchmarkData.Configs);
        var mode = configuration.ResolveMode(Mode, ["hedge_allocation={binance: 0.5, bybit: 0.5, okx: 0}"]);
        var strategy = StrategyCatalog.Create(mode.Settings);
        var market = MarketDataBuilder.BuildAsync(new(Start, End), DataPlan.Requests(mode.Settings, strategy), new LocalMarketDataSource(BenchmarkData.Canonical)).GetAwaiter().GetResult();
        _result = BacktestEngine.Run(new BacktestSpec("bench", mode.Settings, mode.Venues, Start, End, 100_000, mode.ConfigHash, "bench"), strategy, market);
        _pack = ResultPack.Pack(_result);
    }

    [Benchmark]
    public byte[] Timeseries() => ResultArtefacts.Timeseries(_result.Timeseries);

    [Benchmark]
    public byte[] Events() => ResultArtefacts.Events(_result.Events);

    [Benchmark]
    public string Report() => ReportWriter.Render(_result);

    [Benchmark]
    public IReadOnlyList<ResultArtefact> AllFiles() => ResultArtefacts.Render(_result);

    [Benchmark]
    public byte[] Pack() => ResultPack.Pack(_result);

    [Benchmark]
    public BacktestResult Unpack() => ResultPack.Unpack(_pack);
}
