using System.Numerics;
using Basis.Core.Accounting;
using Basis.Core.Market;
using Basis.Venues.Ethereum;
using Basis.Venues.Ethereum.Aave;
using Basis.Venues.Ethereum.EtherFi;
using Basis.Venues.Ethereum.Lido;
using Basis.Venues.MarketData;
using Basis.Venues.Tests.Ethereum.Fixtures;

namespace Basis.Venues.Tests.MarketData;

/// <summary>The chain reader of <c>basis data fetch</c> against the deployed AAVE v3 market and the LST stand-ins on anvil.</summary>
public sealed class ChainMarketDataReaderTests(EthereumChainFixture fixture) : ChainTest(fixture)
{
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    [Fact]
    public async Task Fetched_indices_and_rates_are_the_pools_after_time_passes_and_fill_the_canonical_columns_within_their_limits()
    {
        var ct = TestContext.Current.CancellationToken;
        var market = Fixture.Market;
        using var lender = Fixture.Client(1);
        await LendAndBorrowAsync(lender, ct);
        await Fixture.Chain.IncreaseTimeAsync(TimeSpan.FromDays(30), ct);

        var snapshot = await Reader(lender).ReadAsync(cancellationToken: ct);

        // No block is mined between the snapshot and these reads, so "latest" is the snapshot's block.
        var pool = new AavePool(lender, market.Pool);
        Assert.Equal(ChainMarketDataReader.FloorToHour(await lender.ChainTimeAsync(ct)), snapshot.Hour);
        Assert.Equal(0, snapshot.Hour.ToUnixTimeSeconds() % 3600);
        Assert.Equal(["aave/ethereum/USDT", "aave/ethereum/WETH", "aave/ethereum/weETH"], snapshot.Rows.Select(r => r.Series));
        foreach (var row in snapshot.Rows)
        {
            var asset = market.Reserves[row.Series.Split('/')[2]].Asset;
            var data = await pool.GetReserveDataAsync(asset);
            Assert.Equal(ChainMarketDataReader.FromFixedPoint(await pool.GetReserveNormalizedIncomeAsync(asset), 27), row.Values[0]);
            Assert.Equal(ChainMarketDataReader.FromFixedPoint(await pool.GetReserveNormalizedVariableDebtAsync(asset), 27), row.Values[1]);
            Assert.Equal((double)data.LiquidityRateAnnual, row.Values[2], 1e-15);
            Assert.Equal((double)data.VariableBorrowRateAnnual, row.Values[3], 1e-15);
            AssertCanonical(row, snapshot.Hour);
        }

        var weth = snapshot.Rows.Single(r => r.Series == "aave/ethereum/WETH").Values;
        Assert.True(weth[0] > 1 && weth[1] > weth[0], $"30 days at 60 % usage should grow both indices, debt faster: {weth[0]}, {weth[1]}");
        Assert.Equal(0.018, weth[2], 1e-9); // 60 % usage × (60/80 × 4 %), as AavePoolTests works out
    }

    [Fact]
    public async Task The_engine_values_a_supplied_position_from_the_fetched_index_as_the_chain_does()
    {
        var ct = TestContext.Current.CancellationToken;
        var market = Fixture.Market;
        using var lender = Fixture.Client(1);
        await LendAndBorrowAsync(lender, ct);
        var scaled = await new AavePool(lender, market.Pool).ScaledBalanceOfAsync(market.Reserves["WETH"].AToken);
        await Fixture.Chain.IncreaseTimeAsync(TimeSpan.FromDays(90), ct);

        var index = (await Reader(lender).ReadAsync(cancellationToken: ct)).Rows.Single(r => r.Series == "aave/ethereum/WETH").Values[0];

        var balance = await new Erc20Token(lender, market.Reserves["WETH"].AToken).BalanceOfAsync();
        var engine = AaveAccounting.Underlying((double)scaled / 1e18, index);
        Assert.Equal((double)balance / 1e18, engine, 1e-15 * engine);
    }

    [Fact]
    public async Task Reading_at_an_earlier_block_gives_that_blocks_values_and_hour()
    {
        var ct = TestContext.Current.CancellationToken;
        using var lender = Fixture.Client(1);
        await LendAndBorrowAsync(lender, ct);
        var reader = Reader(lender);
        var before = await reader.ReadAsync(cancellationToken: ct);
        await Fixture.Chain.IncreaseTimeAsync(TimeSpan.FromDays(2), ct);

        var later = await reader.ReadAsync(cancellationToken: ct);
        var again = await reader.ReadAsync(before.Block, ct);

        Assert.True(later.Block > before.Block);
        Assert.Equal(before.Hour.AddDays(2), later.Hour);
        Assert.Equal(before.Hour, again.Hour);
        Assert.Equal(before.Rows.Select(r => r.Values), again.Rows.Select(r => r.Values));
        Assert.True(later.Rows[1].Values[0] > before.Rows[1].Values[0]);
    }

    [Fact]
    public async Task A_token_the_pool_has_not_listed_is_skipped_with_the_reason_not_filed_as_zeros()
    {
        var ct = TestContext.Current.CancellationToken;
        var market = Fixture.Market;
        using var client = Fixture.Client(1);
        var addresses = new ChainMarketDataAddresses("ethereum", market.Pool, new Dictionary<string, string> { ["wstETH"] = market.PoolConfigurator }, null, null);

        var snapshot = await new ChainMarketDataReader(client.Web3, addresses).ReadAsync(cancellationToken: ct);

        Assert.Empty(snapshot.Rows);
        Assert.Contains("aave/ethereum/wstETH", Assert.Single(snapshot.Skipped), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_without_a_contract_is_an_error_naming_it_not_zeros()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = Fixture.Client(1);
        using var other = Fixture.Client(3);
        var nowhere = other.Account.Address; // an account: no code
        var addresses = new ChainMarketDataAddresses("ethereum", null, new Dictionary<string, string>(), nowhere, null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new ChainMarketDataReader(client.Web3, addresses).ReadAsync(cancellationToken: ct));

        Assert.Contains($"wstETH address {nowhere} has no contract", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lst_rates_are_wsteth_steth_per_token_and_weeth_get_rate_as_eth_per_lst()
    {
        var ct = TestContext.Current.CancellationToken;
        var lsts = Fixture.Lsts;
        using var staker = Fixture.Client(1);
        using var oracle = Fixture.Client(0);
        var lido = new LidoStaking(staker, lsts.StEth, lsts.WstEth);
        var etherFi = new EtherFiStaking(staker, lsts.EtherFiLiquidityPool, lsts.EEth, lsts.WeEth);
        await lido.SubmitAsync(10 * Ether, ct);
        await etherFi.DepositAsync(10 * Ether, ct);
        await oracle.SendAsync(lsts.StEth, new SimulateRewardsFunction { AmountToSend = Ether / 3 }, ct);
        await oracle.SendAsync(lsts.EtherFiLiquidityPool, new SimulateRewardsFunction { AmountToSend = Ether / 7 }, ct);
        var addresses = new ChainMarketDataAddresses("ethereum", null, new Dictionary<string, string>(), lsts.WstEth, lsts.WeEth);

        var snapshot = await new ChainMarketDataReader(staker.Web3, addresses).ReadAsync(cancellationToken: ct);

        var wstEth = snapshot.Rows.Single(r => r.Series == "oracle/aave/wstETH-ETH");
        var weEth = snapshot.Rows.Single(r => r.Series == "oracle/aave/weETH-ETH");
        Assert.Equal((double)await lido.StEthPerWstEthAsync(), wstEth.Values[0], 1e-15);
        Assert.Equal((double)await etherFi.RateAsync(), weEth.Values[0], 1e-15);
        Assert.Equal(ChainMarketDataReader.FromFixedPoint(await lido.StEthForWstEthAsync(Ether), 18), wstEth.Values[0]);
        Assert.Equal(ChainMarketDataReader.FromFixedPoint(await etherFi.EEthForWeEthAsync(Ether), 18), weEth.Values[0]);
        Assert.Equal(10.333333333333333 / 10, wstEth.Values[0], 1e-15);
        AssertCanonical(wstEth, snapshot.Hour);
        AssertCanonical(weEth, snapshot.Hour);
    }

    [Fact]
    public void Fixed_point_values_convert_to_the_nearest_double()
    {
        Assert.Equal(1.0, ChainMarketDataReader.FromFixedPoint(RayMath.Ray, 27));
        Assert.Equal(0.018, ChainMarketDataReader.FromFixedPoint(18 * BigInteger.Pow(10, 24), 27));
        Assert.Equal(1e-27, ChainMarketDataReader.FromFixedPoint(BigInteger.One, 27));
        Assert.Equal(0.0, ChainMarketDataReader.FromFixedPoint(BigInteger.Zero, 18));
        Assert.Equal(1.0000000000000002, ChainMarketDataReader.FromFixedPoint(BigInteger.Parse("1000000000000000222044604925", System.Globalization.CultureInfo.InvariantCulture), 27));
    }

    /// <summary>The row fits its series as the catalogue defines it: the columns in order and every value within the column's limits.</summary>
    private static void AssertCanonical(ChainSeriesRow row, DateTimeOffset hour)
    {
        var spec = SeriesCatalog.Spec(SeriesId.Parse(row.Series));
        Assert.Equal(hour, row.Hour);
        Assert.Equal(spec.Columns.Select(c => c.Name), row.Columns);
        Assert.Equal(spec.Columns.Count, row.Values.Count);
        foreach (var (column, value) in spec.Columns.Zip(row.Values))
        {
            Assert.True(double.IsFinite(value) && value >= column.Min && value <= column.Max, $"{row.Series} {column.Name} = {value} is outside [{column.Min}, {column.Max}]");
        }
    }

    private ChainMarketDataReader Reader(EthereumClient client)
    {
        var market = Fixture.Market;
        var reserves = market.Reserves.ToDictionary(r => r.Key, r => r.Value.Asset, StringComparer.Ordinal);
        return new ChainMarketDataReader(client.Web3, new ChainMarketDataAddresses("ethereum", market.Pool, reserves, null, null));
    }

    /// <summary>100 WETH supplied by <paramref name="lender"/>, 60 borrowed against weETH by account 2: the supply rate is 1.8 %.</summary>
    private async Task LendAndBorrowAsync(EthereumClient lender, CancellationToken ct)
    {
        var market = Fixture.Market;
        using var borrower = Fixture.Client(2);
        await lender.SendAsync(market.Weth, new MintFunction { Account = lender.Account.Address, Value = 100 * Ether }, ct);
        await new AavePool(lender, market.Pool).SupplyAsync(market.Weth, 100 * Ether, ct);
        await borrower.SendAsync(market.WeEth, new MintFunction { Account = borrower.Account.Address, Value = 100 * Ether }, ct);
        var pool = new AavePool(borrower, market.Pool);
        await pool.SupplyAsync(market.WeEth, 100 * Ether, ct);
        await pool.BorrowAsync(market.Weth, 60 * Ether, ct);
    }
}
