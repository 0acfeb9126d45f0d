using Basis.Core.Market;
using Basis.Data.Canonical;
using Basis.Server.Cli;
using Basis.Server.Tests.Support;
using Basis.Venues.MarketData;

namespace Basis.Server.Tests.Cli;

/// <summary>
/// <c>basis data fetch</c> without a chain: its arguments, the contracts file, and how the rows read from a block are
/// filed (the chain side is tested on anvil in Basis.Venues.Tests/MarketData).
/// </summary>
public sealed class DataFetchCommandTests : IDisposable
{
    private static readonly DateTimeOffset Hour = new(2026, 12, 3, 11, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Fetched_rows_round_trip_through_the_canonical_reader_and_validate_without_errors()
    {
        var first = Rows(Hour, 1.0412345678901234, 1.0712345678901234, 0.018, 0.04, 1.2134567890123456);
        var second = Rows(Hour.AddHours(1), 1.0412350000000001, 1.0712359999999999, 0.0181, 0.0401, 1.2134567890123457);

        Assert.All(DataFetchCommand.Append(_temp.Path, first), o => Assert.Equal(DataFetchCommand.Outcome.Written, o));
        Assert.All(DataFetchCommand.Append(_temp.Path, second), o => Assert.Equal(DataFetchCommand.Outcome.Written, o));

        foreach (var (a, b) in first.Zip(second))
        {
            var id = SeriesId.Parse(a.Series);
            var read = CanonicalSeriesReader.ReadAll(_temp.Path, id);
            Assert.Equal([a.Hour.ToUnixTimeSeconds(), b.Hour.ToUnixTimeSeconds()], read.Times.ToArray());
            for (var c = 0; c < a.Values.Count; c++)
            {
                Assert.Equal([a.Values[c], b.Values[c]], read.Column(c).ToArray());
            }
        }

        var report = Basis.Data.Validation.DataValidator.Validate(_temp.Path);
        Assert.False(report.HasErrors, report.ToText());
        Assert.Equal(2, report.Series.Count);
    }

    [Fact]
    public void Fetching_twice_in_one_hour_writes_one_row_and_leaves_the_file_unchanged()
    {
        var rows = Rows(Hour, 1.04, 1.07, 0.018, 0.04, 1.21);
        DataFetchCommand.Append(_temp.Path, rows);
        var file = CanonicalLayout.MonthFile(_temp.Path, SeriesId.Parse("aave/ethereum/WETH"), 2026, 12);
        var before = File.ReadAllBytes(file);

        var again = DataFetchCommand.Append(_temp.Path, rows);

        Assert.All(again, o => Assert.Equal(DataFetchCommand.Outcome.AlreadyThere, o));
        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.Equal("timestamp,liquidity_index,variable_borrow_index,liquidity_rate,variable_borrow_rate\n2026-12-03T11:00:00Z,1.04,1.07,0.018,0.04\n", File.ReadAllText(file));
    }

    [Fact]
    public void A_different_row_already_in_the_hour_is_an_error_naming_file_and_hour_and_nothing_is_written()
    {
        DataFetchCommand.Append(_temp.Path, Rows(Hour, 1.04, 1.07, 0.018, 0.04, 1.21));
        var lst = CanonicalLayout.MonthFile(_temp.Path, SeriesId.Parse("oracle/aave/wstETH-ETH"), 2026, 12);
        File.Delete(lst);

        var conflict = Assert.Throws<InvalidOperationException>(() => DataFetchCommand.Append(_temp.Path, Rows(Hour, 1.05, 1.07, 0.018, 0.04, 1.21)));

        Assert.Contains(CanonicalLayout.MonthFile(_temp.Path, SeriesId.Parse("aave/ethereum/WETH"), 2026, 12), conflict.Message, StringComparison.Ordinal);
        Assert.Contains("2026-12-03T11:00:00Z", conflict.Message, StringComparison.Ordinal);
        Assert.Contains("liquidity_index 1.04 in the file, 1.05 on the chain", conflict.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(lst), "a conflict in one series must stop the others being written");
    }

    [Fact]
    public void An_earlier_hour_goes_into_its_place_in_the_month()
    {
        DataFetchCommand.Append(_temp.Path, Rows(Hour, 1.04, 1.07, 0.018, 0.04, 1.21));
        DataFetchCommand.Append(_temp.Path, Rows(Hour.AddHours(-2), 1.03, 1.06, 0.017, 0.03, 1.2));

        var read = CanonicalSeriesReader.ReadAll(_temp.Path, SeriesId.Parse("oracle/aave/wstETH-ETH"));
        Assert.Equal([1.2, 1.21], read.Column(0).ToArray());
    }

    [Fact]
    public void Mainnet_addresses_come_from_the_repositorys_contracts_file()
    {
        var addresses = DataFetchCommand.LoadAddresses(Path.Combine(Repository.Configs, "venues", "ethereum_contracts.yaml"), 1);

        Assert.Equal("ethereum", addresses.Network);
        Assert.Equal("0x87870Bca3F3fD6335C3F4ce8392D69350B4fA4E2", addresses.AavePool);
        Assert.Equal(["USDT", "WETH", "weETH", "wstETH"], addresses.AaveReserves.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("0xdAC17F958D2ee523a2206206994597C13D831ec7", addresses.Tokens["USDT"]);
        Assert.Equal("0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0", addresses.MarketData().WstEth);
        Assert.Equal("0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee", addresses.MarketData().WeEth);
    }

    [Fact]
    public async Task An_unknown_chain_id_is_bad_input_naming_the_contracts_file()
    {
        var contracts = Path.Combine(Repository.Configs, "venues", "ethereum_contracts.yaml");
        var run = await BasisCli.RunAsync("data", "fetch", "--rpc", "http://127.0.0.1:1", "--chain-id", "5", "--to", _temp.Path, "--contracts", contracts);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("chain id 5", run.Error, StringComparison.Ordinal);
        Assert.Contains(contracts, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_address_is_bad_input_naming_the_file_and_key()
    {
        var contracts = _temp.Combine("contracts.yaml");
        await File.WriteAllTextAsync(contracts, "chains:\n  1:\n    aave_v3:\n      pool: \"0x1234\"\n", TestContext.Current.CancellationToken);

        var run = await BasisCli.RunAsync("data", "fetch", "--rpc", "http://127.0.0.1:1", "--chain-id", "1", "--to", _temp.Combine("out"), "--contracts", contracts);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{contracts}: chains.1.aave_v3.pool", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--rpc", "not a url", "--rpc is not an http(s) URL")]
    [InlineData("--chain-id", "0", "--chain-id: 0")]
    [InlineData("--at", "-3", "--at: -3")]
    public async Task Bad_arguments_are_bad_input_with_one_line_naming_the_option(string option, string value, string expected)
    {
        var args = new Dictionary<string, string> { ["--rpc"] = "http://127.0.0.1:1", ["--chain-id"] = "1", ["--to"] = _temp.Path, [option] = value };

        var run = await BasisCli.RunAsync(["data", "fetch", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_node_fails_with_exit_1_without_printing_the_url()
    {
        var run = await BasisCli.RunAsync("data", "fetch", "--rpc", "http://127.0.0.1:1/v2/secret-api-key", "--chain-id", "1", "--to", _temp.Path,
            "--contracts", Path.Combine(Repository.Configs, "venues", "ethereum_contracts.yaml"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("reading the chain failed", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-api-key", run.Error + run.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
    }

    private static ChainSeriesRow[] Rows(DateTimeOffset hour, double liquidityIndex, double borrowIndex, double liquidityRate, double borrowRate, double wstEth) =>
    [
        new("aave/ethereum/WETH", hour, ChainMarketDataReader.AaveColumns, [liquidityIndex, borrowIndex, liquidityRate, borrowRate]),
        new("oracle/aave/wstETH-ETH", hour, ChainMarketDataReader.OracleColumns, [wstEth]),
    ];
}
