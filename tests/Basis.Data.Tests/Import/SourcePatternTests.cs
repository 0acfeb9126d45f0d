using Basis.Data.Import;

namespace Basis.Data.Tests.Import;

public sealed class SourcePatternTests
{
    [Theory]
    [InlineData("rates/aave_USDT_rates_????-??-??_????-??-??.csv", "rates/aave_USDT_rates_2024-01-01_2025-09-18.csv", true)]
    [InlineData("rates/aave_USDT_rates_????-??-??_????-??-??.csv", "rates/aave_USDT_rates_2024-01-01_2025-09-18_hourly.csv", false)]
    [InlineData("spot/*_1h_*.csv", "spot/binance_BTCUSDT_1h_2024.csv", true)]
    [InlineData("spot/*_1h_*.csv", "spot/sub/binance_BTCUSDT_1h_2024.csv", false)]
    [InlineData("**/*summary*.json", "a/b/c/gas_summary.json", true)]
    [InlineData("**/*summary*.json", "summary.json", true)]
    [InlineData("manual_sources/**", "manual_sources/x/y.csv", true)]
    [InlineData("spot/BTC.csv", "spot/btc.csv", false)]
    public void Globs_match_relative_paths(string glob, string path, bool expected) =>
        Assert.Equal(expected, new SourcePattern(glob).IsMatch(path));
}
