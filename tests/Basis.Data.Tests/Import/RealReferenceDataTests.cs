using System.Diagnostics;
using Basis.Core.Market;
using Basis.Data.Canonical;
using Basis.Data.Import;

namespace Basis.Data.Tests.Import;

/// <summary>
/// Imports the original system's real data when <c>BASIS_REFERENCE_DATA</c> points to it (it is never committed),
/// and checks the facts ORIGINAL_SYSTEM.md §4 documents about it. Set <c>BASIS_KEEP_IMPORT</c> to keep the
/// imported folder (its path is printed) for inspection.
/// </summary>
public sealed class RealReferenceDataTests : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly string _target = Directory.CreateTempSubdirectory("basis-import-real-").FullName;

    public RealReferenceDataTests(ITestOutputHelper output) => _output = output;

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("BASIS_KEEP_IMPORT") is not { Length: > 0 })
        {
            Directory.Delete(_target, recursive: true);
        }
    }

    [Fact]
    public void The_real_reference_data_imports_with_its_known_defects_repaired_or_refused()
    {
        var source = Environment.GetEnvironmentVariable("BASIS_REFERENCE_DATA");
        Assert.SkipUnless(!string.IsNullOrEmpty(source) && Directory.Exists(source), "BASIS_REFERENCE_DATA does not point to the original's data folder");

        var clock = Stopwatch.StartNew();
        var report = ReferenceDataImporter.Import(source!, _target);
        clock.Stop();
        _output.WriteLine($"Full import of {report.SourceFiles} files into {_target}: {clock.Elapsed.TotalSeconds:0.00} s");
        foreach (var entry in report.Entries)
        {
            _output.WriteLine($"{entry.Action,-22} {entry.SourcePath}: read {entry.RowsRead}, written {entry.RowsWritten}, " +
                              $"dup {entry.IdenticalDuplicatesRemoved}/{entry.ConflictingDuplicatesRemoved}, gaps {entry.Gaps?.Count ?? 0}");
        }

        // Every file under the source has exactly one entry.
        var files = Directory.EnumerateFiles(source!, "*", SearchOption.AllDirectories).Count();
        Assert.Equal(files, report.SourceFiles);
        Assert.Equal(files, report.Entries.Count(e => e.Action != ImportAction.Missing));

        var bybitBtc = Entry(report, "market_data/spot_prices/btc_usd/bybit_BTCUSDT_spot_1h_");
        Assert.Equal(ImportAction.RepairedAndImported, bybitBtc.Action);
        Assert.InRange(bybitBtc.IdenticalDuplicatesRemoved, 10, 20);

        var binanceBtc = Entry(report, "market_data/spot_prices/btc_usd/binance_BTCUSDT_1h_");
        Assert.True(binanceBtc.Gaps is { Count: > 5 }, "Binance spot drops a whole day about every 41 days");
        Assert.All(binanceBtc.Gaps!.FirstRanges, g => Assert.InRange(g.MissingHours, 23, 24)); // 23 h: one page of the downloader

        var okxFunding = Entry(report, "market_data/derivatives/funding_rates/okx_ETHUSDT_funding_rates_");
        Assert.True(okxFunding.ConflictingTimestamps > 0);
        Assert.True(okxFunding.ConflictingDuplicatesRemoved > 0);

        foreach (var placeholder in report.Entries.Where(e => e.SourcePath.Contains("/lst_eth_ratios/", StringComparison.Ordinal) ||
                                                             e.SourcePath.Contains("protocol_tokens/binance_", StringComparison.Ordinal)))
        {
            Assert.Equal(ImportAction.Refused, placeholder.Action);
            Assert.StartsWith("placeholder", placeholder.Reason, StringComparison.Ordinal);
        }

        Assert.Equal(ImportAction.Refused, Entry(report, "protocol_data/staking/base_yields/wsteth_oracle_yields_").Action);
        Assert.Equal(ImportAction.Skipped, Entry(report, "protocol_data/staking/base_yields/weeth_oracle_yields_").Action);
        Assert.Equal(ImportAction.Skipped, Entry(report, "market_data/derivatives/futures_ohlcv/okx_ETHUSDT_perp_1h_2024-08-01_2024-08-31").Action);

        Assert.All(report.Entries.Where(e => e.SourcePath.EndsWith("_margin_requirements.json", StringComparison.Ordinal)),
            e => Assert.Equal(ImportAction.Refused, e.Action));
        Assert.Equal(ImportAction.Refused, Entry(report, "protocol_data/aave/oracle/USDT_ETH_oracle_").Action);
        var costs = Entry(report, "execution_costs/lookup_tables/execution_costs_lookup.json");
        Assert.Equal(ImportAction.Skipped, costs.Action);
        Assert.Empty(costs.Warnings);
        Assert.Contains("ETH_USDT: 10k 5, 100k 7, 1m 13 bps", costs.Notes);

        var rewards = Entry(report, "protocol_data/staking/restaking_final/etherfi_seasonal_rewards_");
        Assert.Equal(["rewards/etherfi/EIGEN", "rewards/etherfi/ETHFI"], rewards.TargetSeries);
        Assert.True(rewards.RowsWritten > 100);

        var usdt = CanonicalSeriesReader.ReadAll(_target, SeriesId.Parse("aave/ethereum/USDT"));
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), Basis.Core.Time.UnixTime.FromSeconds(usdt.Times[0]));
        Assert.Equal(new DateTime(2025, 9, 29, 0, 0, 0, DateTimeKind.Utc), Basis.Core.Time.UnixTime.FromSeconds(usdt.Times[^1]));
        Assert.Equal(((usdt.Times[^1] - usdt.Times[0]) / 3600) + 1, usdt.Count);

        foreach (var id in CanonicalLayout.DiscoverSeries(_target))
        {
            var series = CanonicalSeriesReader.ReadAll(_target, id);
            Assert.Equal(report.Series.Single(s => s.Series == id.Value).Rows, series.Count);
        }

        Assert.Equal(report.Series.Count, CanonicalLayout.DiscoverSeries(_target).Count);
    }

    private static ImportEntry Entry(ImportReport report, string pathPrefix) =>
        Assert.Single(report.Entries, e => e.SourcePath.StartsWith(pathPrefix, StringComparison.Ordinal));
}
