using System.Numerics;
using Basis.Core.Accounting;
using Basis.Venues.Ethereum;
using Basis.Venues.Ethereum.Aave;
using Basis.Venues.Tests.Ethereum.Fixtures;

namespace Basis.Venues.Tests.Ethereum.Aave;

/// <summary>The AAVE v3 adapter against the real AAVE v3 core on anvil; each test reverts the chain afterwards.</summary>
public sealed class AavePoolTests(EthereumChainFixture fixture) : ChainTest(fixture)
{
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    [Fact]
    public async Task The_deployed_market_lists_its_reserves_at_index_one_and_the_listing_prices()
    {
        var market = Fixture.Market;
        using var client = Fixture.Client(1);
        var pool = new AavePool(client, market.Pool);
        foreach (var reserve in market.Reserves.Values)
        {
            var data = await pool.GetReserveDataAsync(reserve.Asset);
            Assert.Equal(RayMath.Ray, data.LiquidityIndexRay);
            Assert.Equal(RayMath.Ray, data.VariableBorrowIndexRay);
            Assert.Equal(reserve.PriceUsd, await pool.GetAssetPriceAsync(reserve.Asset));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"AAVE v3 deployed in {market.Transactions} transactions, {market.Duration.TotalSeconds:F2} s");
        Assert.InRange(market.Duration, TimeSpan.Zero, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Supplied_balance_grows_with_the_liquidity_index_to_the_wei_and_as_the_engine_computes()
    {
        var ct = TestContext.Current.CancellationToken;
        var market = Fixture.Market;
        var weth = market.Reserves["WETH"];
        using var lender = Fixture.Client(1);
        using var borrower = Fixture.Client(2);
        var lenderPool = new AavePool(lender, market.Pool);

        await MintAsync(lender, market.Weth, 100 * Ether);
        await lenderPool.SupplyAsync(market.Weth, 100 * Ether, ct);
        var scaled = await lenderPool.ScaledBalanceOfAsync(weth.AToken);
        Assert.Equal(RayMath.RayDiv(100 * Ether, (await lenderPool.GetReserveDataAsync(market.Weth)).LiquidityIndexRay), scaled);

        // Someone must borrow for suppliers to earn: 60 of 100 WETH borrowed against weETH, so the supply rate is
        // 60 % usage × (60/80 × 4 %) = 1.8 % a year.
        await MintAsync(borrower, market.WeEth, 100 * Ether);
        var borrowerPool = new AavePool(borrower, market.Pool);
        await borrowerPool.SupplyAsync(market.WeEth, 100 * Ether, ct);
        await borrowerPool.BorrowAsync(market.Weth, 60 * Ether, ct);
        var rate = (await lenderPool.GetReserveDataAsync(market.Weth)).LiquidityRateAnnual;
        Assert.Equal(0.018m, decimal.Round(rate, 6));

        await Fixture.Chain.IncreaseTimeAsync(TimeSpan.FromDays(30), ct);
        var index = await lenderPool.GetReserveNormalizedIncomeAsync(market.Weth);
        var balance = await new Erc20Token(lender, weth.AToken).BalanceOfAsync();
        Assert.True(index > RayMath.Ray, $"the index did not grow: {index}");
        Assert.Equal(RayMath.RayMul(scaled, index), balance);

        // The engine keeps balances as doubles (docs/accounting.md: underlying = s × I(t)): equal to double precision.
        var engine = AaveAccounting.Underlying((double)scaled / 1e18, (double)index / 1e27);
        Assert.Equal((double)balance / 1e18, engine, 1e-15 * engine);

        // Withdrawing burns rayDiv(amount, index) scaled units at the withdrawal's index and pays the amount exactly
        // (30: only 40 WETH are not lent out).
        var wallet = new Erc20Token(lender, market.Weth);
        var walletBefore = await wallet.BalanceOfAsync();
        await lenderPool.WithdrawAsync(market.Weth, 30 * Ether, ct);
        var withdrawalIndex = (await lenderPool.GetReserveDataAsync(market.Weth)).LiquidityIndexRay;
        var scaledAfter = await lenderPool.ScaledBalanceOfAsync(weth.AToken);
        Assert.Equal(walletBefore + (30 * Ether), await wallet.BalanceOfAsync());
        Assert.Equal(scaled - RayMath.RayDiv(30 * Ether, withdrawalIndex), scaledAfter);
        Assert.Equal(RayMath.RayMul(scaledAfter, withdrawalIndex), await new Erc20Token(lender, weth.AToken).BalanceOfAsync());

        // The borrower repays all (interest included), then the lender takes everything: the interest of 30 days at
        // 1.8 % ≈ 100 × 0.018 × 30/365 ≈ 0.148 WETH on top of the 100 supplied.
        await MintAsync(borrower, market.Weth, Ether);
        await borrowerPool.RepayAsync(market.Weth, AavePool.MaxAmount, ct);
        Assert.Equal(BigInteger.Zero, await new Erc20Token(borrower, weth.VariableDebtToken).BalanceOfAsync());
        await lenderPool.WithdrawAsync(market.Weth, AavePool.MaxAmount, ct);
        Assert.Equal(BigInteger.Zero, await lenderPool.ScaledBalanceOfAsync(weth.AToken));
        var earned = RayMath.Scale(await wallet.BalanceOfAsync() - walletBefore, 18) - 100m;
        Assert.InRange(earned, 0.145m, 0.151m);
    }

    [Fact]
    public async Task Health_factor_equals_an_independent_recomputation_before_and_after_an_oracle_shock()
    {
        var ct = TestContext.Current.CancellationToken;
        var market = Fixture.Market;
        using var lender = Fixture.Client(1);
        using var borrower = Fixture.Client(2);
        using var admin = Fixture.Client(0);
        await MintAsync(lender, market.Weth, 200 * Ether);
        await new AavePool(lender, market.Pool).SupplyAsync(market.Weth, 200 * Ether, ct);

        // 100 weETH at $2100 in the ETH-correlated eMode (LT 95 %) against 80 WETH at $2000:
        // HF = 100 × 2100 × 0.95 / (80 × 2000) = 199 500 / 160 000 = 1.246875.
        var pool = new AavePool(borrower, market.Pool);
        await MintAsync(borrower, market.WeEth, 100 * Ether);
        await pool.SupplyAsync(market.WeEth, 100 * Ether, ct);
        await pool.SetUserEModeAsync(AaveMarket.EthCorrelatedEMode, ct);
        Assert.Equal(AaveMarket.EthCorrelatedEMode, await pool.GetUserEModeAsync());
        await pool.BorrowAsync(market.Weth, 80 * Ether, ct);

        var before = await pool.GetUserAccountDataAsync();
        Assert.Equal(0.95m, before.LiquidationThreshold);
        Assert.Equal(0.93m, before.Ltv);
        Assert.Equal(1.246875m, decimal.Round(before.HealthFactor!.Value, 6));
        await AssertHealthFactorAsync(borrower, pool, market, before);

        // A 10-day jump accrues interest on the debt, then weETH drops to $1750:
        // HF ≈ 100 × 1750 × 0.95 / 160 000 ≈ 1.039 (a little less with the interest).
        await Fixture.Chain.IncreaseTimeAsync(TimeSpan.FromDays(10), ct);
        await AaveV3Deployment.SetPriceAsync(admin, Fixture.Artifacts, market, market.WeEth, 1750m, ct);
        Assert.Equal(1750m, await pool.GetAssetPriceAsync(market.WeEth));
        var after = await pool.GetUserAccountDataAsync();
        Assert.InRange(after.HealthFactor!.Value, 1.035m, 1.0390625m);
        await AssertHealthFactorAsync(borrower, pool, market, after);
    }

    [Fact]
    public async Task Borrowing_beyond_the_ltv_reverts_with_aave_error_36_and_leaves_every_balance_unchanged()
    {
        var ct = TestContext.Current.CancellationToken;
        var market = Fixture.Market;
        using var lender = Fixture.Client(1);
        using var borrower = Fixture.Client(2);
        await MintAsync(lender, market.Weth, 100 * Ether);
        await new AavePool(lender, market.Pool).SupplyAsync(market.Weth, 100 * Ether, ct);

        // Outside eMode, 10 weETH ($21 000) at LTV 72.5 % can carry $15 225 of debt: 7.6 WETH, not 8.
        var pool = new AavePool(borrower, market.Pool);
        await MintAsync(borrower, market.WeEth, 10 * Ether);
        await pool.SupplyAsync(market.WeEth, 10 * Ether, ct);
        var accountBefore = await pool.GetUserAccountDataAsync();
        var balancesBefore = await BalancesAsync(borrower, market);
        var nonceBefore = await borrower.Nonces.PeekAsync(ct);

        var revert = await Assert.ThrowsAsync<EthereumRevertException>(() => pool.BorrowAsync(market.Weth, 8 * Ether, ct));

        Assert.Equal("36", revert.Reason); // Errors.COLLATERAL_CANNOT_COVER_NEW_BORROW
        Assert.Null(revert.TransactionHash);
        Assert.Equal(accountBefore, await pool.GetUserAccountDataAsync());
        Assert.Equal(balancesBefore, await BalancesAsync(borrower, market));
        Assert.Equal(nonceBefore, await borrower.Nonces.PeekAsync(ct));
        Assert.Equal(nonceBefore, await ChainNonceAsync(borrower));

        // Within the LTV the same account can borrow.
        await pool.BorrowAsync(market.Weth, 7 * Ether, ct);
        Assert.Equal(7 * Ether, await new Erc20Token(borrower, market.Reserves["WETH"].VariableDebtToken).BalanceOfAsync());
    }

    private static async Task AssertHealthFactorAsync(EthereumClient client, AavePool pool, AaveMarket market, AaveAccountData reported)
    {
        var weEth = market.Reserves["weETH"];
        var weth = market.Reserves["WETH"];
        var collateral = RayMath.Scale(await new Erc20Token(client, weEth.AToken).BalanceOfAsync(), 18) * await pool.GetAssetPriceAsync(weEth.Asset);
        var debt = RayMath.Scale(await new Erc20Token(client, weth.VariableDebtToken).BalanceOfAsync(), 18) * await pool.GetAssetPriceAsync(weth.Asset);
        var threshold = AaveMarket.EModeLiquidationThresholdBps / 10_000m;
        var expected = collateral * threshold / debt;
        var hf = reported.HealthFactor!.Value;
        Assert.True(Math.Abs(hf - expected) <= expected * 1e-12m, $"HF {hf} read from the pool, {expected} recomputed");
        var engine = AaveAccounting.HealthFactor((double)(collateral * threshold), (double)debt);
        Assert.Equal((double)hf, engine, 1e-12 * engine);
    }

    private static async Task<BigInteger[]> BalancesAsync(EthereumClient client, AaveMarket market) =>
    [
        await new Erc20Token(client, market.Weth).BalanceOfAsync(),
        await new Erc20Token(client, market.WeEth).BalanceOfAsync(),
        await new Erc20Token(client, market.Reserves["weETH"].AToken).BalanceOfAsync(),
        await new Erc20Token(client, market.Reserves["WETH"].VariableDebtToken).BalanceOfAsync(),
    ];

    private static async Task<BigInteger> ChainNonceAsync(EthereumClient client) =>
        (await client.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(client.Account.Address, Nethereum.RPC.Eth.DTOs.BlockParameter.CreatePending())).Value;

    private static Task MintAsync(EthereumClient client, string token, BigInteger amount) =>
        client.SendAsync(token, new MintFunction { Account = client.Account.Address, Value = amount }, TestContext.Current.CancellationToken);
}
