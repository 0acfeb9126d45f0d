using System.Numerics;
using Basis.Live.Execution;
using Basis.Live.Ledger;
using Basis.Live.Reconciliation;
using Basis.Live.Tests.Reconciliation;
using Basis.Testing;
using Basis.Venues.Ethereum;
using Basis.Venues.Ethereum.Aave;
using Basis.Venues.Ethereum.EtherFi;
using Basis.Venues.Ethereum.Lido;
using Basis.Venues.Exchanges;
using Basis.ExchangeSimulator.Chain;
using Basis.Venues.Tests.Ethereum.Fixtures;
using Npgsql;
using static Basis.Live.Tests.Ledger.LedgerSamples;

namespace Basis.Live.Tests.Execution;

/// <summary>
/// The chain desk against the real AAVE v3 on anvil, with the ledger in a real PostgreSQL: a supply written ahead is
/// signed, recorded, sent and mined once, even when a crash cut the last send short before or after the node took it;
/// the transfer it records reconciles clean against the chain; a step that would revert is recorded failed with why; a
/// deposit to an exchange (on the simulator, watching this chain) is in transit until credited, then the venue's.
/// </summary>
public sealed class ChainStepDeskTests(AaveChainFixture fixture, PostgresServer server) : IClassFixture<AaveChainFixture>, IAsyncLifetime
{
    private static readonly Reconciler Reconciler = new(ReconcileTolerances.Load(Repository.ConfigsDirectory));
    private string? _snapshot;
    private NpgsqlDataSource _dataSource = null!;
    private PostgresLiveLedger _ledger = null!;
    private EthereumClient _client = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _snapshot = fixture.Chain.IsAvailable ? await fixture.Chain.SnapshotAsync(Cancel) : null;
        _dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        _ledger = await PostgresLiveLedger.OpenAsync(_dataSource, Cancel);
        await _ledger.SaveInstanceAsync(Instance() with { Venues = ["ethereum"] }, Cancel);
        _client = fixture.Client(1);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _dataSource.DisposeAsync();
        if (_snapshot is not null)
        {
            await fixture.Chain.RevertAsync(_snapshot, Cancel);
        }
    }

    [Fact]
    public async Task A_supply_written_ahead_is_mined_once_and_reconciles_clean()
    {
        await FundWalletAsync(10_000);
        await WriteAheadAsync(Step("supply", ChainStepKind.AaveSupply, 10_000m));

        var sent = await Desk().SendAsync(InstanceId, Cancel);
        var again = await Desk().SendAsync(InstanceId, Cancel);

        Assert.Equal(new SendOutcome(1, 1, null), sent);
        Assert.Equal(new SendOutcome(0, 0, null), again);
        Assert.Empty(await _ledger.ListOpenChainStepsAsync(InstanceId, Cancel));
        var report = await Reconciler.ReconcileAsync(await _ledger.RebuildPositionsAsync(InstanceId, Cancel), [Reader()], Cancel);
        Assert.True(report.IsClean, string.Join("; ", report.Lines));
        Assert.Equal((ChainReader.AaveSupplied, "USDT", 10_000m), report.Lines.Where(l => l.Actual is not null && l.Item != ChainReader.NativeEth).Select(l => (l.Location, l.Item, l.Actual!.Value)).Single());
    }

    [Fact]
    public async Task Aave_interest_is_booked_at_the_reserve_s_index_so_a_supply_held_for_months_still_reconciles()
    {
        // 4,000 USDT supplied by the desk; someone else borrows 3,000 of the 4,000 against WETH (75 % of the reserve lent),
        // and 120 days pass: the aTokens grow by the supply rate.
        await FundWalletAsync(4_000);
        await WriteAheadAsync(Step("supply", ChainStepKind.AaveSupply, 4_000m));
        await Desk().SendAsync(InstanceId, Cancel);
        using (var borrower = fixture.Client(2))
        {
            await borrower.SendAsync(Market.Weth, new MintFunction { Account = borrower.Account.Address, Value = 10 * Ether }, Cancel);
            var pool = new AavePool(borrower, Market.Pool);
            await pool.SupplyAsync(Market.Weth, 10 * Ether, Cancel);
            await pool.BorrowAsync(Market.Usdt, 3_000 * BigInteger.Pow(10, 6), Cancel);
        }

        await fixture.Chain.IncreaseTimeAsync(TimeSpan.FromDays(120), Cancel);

        // Unbooked, the ledger is behind the chain by more than the 0.5 % tolerance.
        var unbooked = await Reconciler.ReconcileAsync(await _ledger.RebuildPositionsAsync(InstanceId, Cancel), [Reader()], Cancel);
        var behind = unbooked.Lines.Single(l => l.Location == ChainReader.AaveSupplied);
        Assert.Equal(ReconciliationStatus.Mismatched, behind.Status);
        Assert.True(behind.Actual > 4_020m, $"too little interest to show the drift: {behind.Actual}");

        // The next send (nothing to send) books the interest at the supply index: the ledger holds what the aTokens do,
        // to AAVE's rounding.
        await Desk().SendAsync(InstanceId, Cancel);

        var positions = await _ledger.RebuildPositionsAsync(InstanceId, Cancel);
        var report = await Reconciler.ReconcileAsync(positions, [Reader()], Cancel);
        Assert.True(report.IsClean, string.Join("; ", report.Lines));
        var supplied = report.Lines.Single(l => l.Location == ChainReader.AaveSupplied);
        Assert.InRange(supplied.Expected - supplied.Actual!.Value, -0.000002m, 0.000002m);
        var booked = await _ledger.LatestInterestAsync(InstanceId, Cancel);
        Assert.Equal((ChainReader.AaveSupplied, "USDT"), booked.Select(b => (b.Location, b.Asset)).Single());
        Assert.Equal(supplied.Expected, booked.Single().BalanceAfter);
    }

    [Fact]
    public async Task A_node_that_does_not_answer_the_reserve_indices_stops_the_send_saying_the_interest_could_not_be_booked()
    {
        await _ledger.AppendTransferAsync(new LedgerTransfer(InstanceId, "supplied", "USDT", 4_000m, 0m, ChainReader.Wallet, ChainReader.AaveSupplied, Start), Cancel);
        using var unreachable = new EthereumClient(new Uri("http://127.0.0.1:1"), EthereumAccount.FromPrivateKey(fixture.Chain.PrivateKey(1), AnvilChain.ChainId));

        var sent = await new ChainStepDesk(_ledger, unreachable, new AavePool(unreachable, Market.Pool), Tokens, new VenueClients(null), TimeProvider.System).SendAsync(InstanceId, Cancel);

        Assert.Equal((0, 0), (sent.Sent, sent.Settled));
        Assert.StartsWith("AAVE's interest could not be booked: the node did not answer its reserve indices: ", sent.Failure, StringComparison.Ordinal);
        Assert.Empty(await _ledger.LatestInterestAsync(InstanceId, Cancel));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_supply_cut_short_by_a_crash_after_it_was_signed_is_sent_as_the_same_transaction(bool nodeTookIt)
    {
        // What the desk records before sending: the step signed at the account's next nonce, its hash and bytes. The
        // crash comes before the node got the bytes, or after it mined them but before the ledger heard of it.
        await FundWalletAsync(4_000);
        var step = Step("crash", ChainStepKind.AaveSupply, 4_000m);
        await WriteAheadAsync(step);
        var signed = await Pool().SignSupplyAsync(Market.Usdt, 4_000 * BigInteger.Pow(10, 6), Cancel);
        await _ledger.SaveChainStepAsync(step with { Status = ChainStepStatus.Pending, Nonce = signed.Nonce, TxHash = signed.Hash, RawTx = signed.Raw }, Cancel);
        if (nodeTookIt)
        {
            await _client.BroadcastAsync(signed, Cancel);
            await _client.WaitForReceiptAsync(signed.Hash, Cancel);
        }

        var sent = await Desk().SendAsync(InstanceId, Cancel);

        Assert.Equal(new SendOutcome(1, 1, null), sent);
        var transfer = (await _ledger.RebuildPositionsAsync(InstanceId, Cancel)).Balances.Single(b => b.Location == ChainReader.AaveSupplied);
        Assert.Equal(4_000m, transfer.Amount);
        var transaction = await _ledger.GetTransactionAsync(signed.Hash, Cancel);
        Assert.Equal(("aave_supply", TransactionStatus.Confirmed), (transaction!.PlanName, transaction.Status));
        var supplied = await Reader().ReadAsync(Cancel);
        Assert.Equal(4_000m, supplied.Single(r => r.Location == ChainReader.AaveSupplied).Balances.Single().Amount);
    }

    [Theory]
    [InlineData(3_950, 3_950)]
    [InlineData(3_850, null)]
    public async Task A_supply_the_wallet_falls_short_of_takes_what_is_there_within_the_tolerance_of_the_capital(int held, int? supplied)
    {
        // The hour planned 4,000 USDT for AAVE, but a swap before it cost more than the book's model: the ledger's wallet
        // holds less. With 1 % of the 10,000 USDT capital tolerated, 50 short supplies the 3,950 there; 150 short is refused.
        await FundWalletAsync(held);
        await WriteAheadAsync(Step("supply", ChainStepKind.AaveSupply, 4_000m));

        var sent = await Desk(shortfallTolerance: 0.01m).SendAsync(InstanceId, Cancel);

        if (supplied is { } amount)
        {
            Assert.Equal(new SendOutcome(1, 1, null), sent);
            var report = await Reconciler.ReconcileAsync(await _ledger.RebuildPositionsAsync(InstanceId, Cancel), [Reader()], Cancel);
            Assert.Equal(amount, report.Lines.Single(l => l is { Location: ChainReader.AaveSupplied, Item: "USDT" }).Actual);
        }
        else
        {
            Assert.Equal(
                "the chain step AaveSupply of 4000 USDT (supply) cannot be sent: the ledger's wallet holds 3850 USDT, 150 short of it, more than the 100.00 USDT a step may be short (1.00 % of the instance's capital in its share class's unit)",
                sent.Failure);
            Assert.Equal(ChainStepStatus.Planned, Assert.Single(await _ledger.ListOpenChainStepsAsync(InstanceId, Cancel)).Status);
        }
    }

    [Fact]
    public async Task A_step_that_would_revert_is_recorded_failed_and_stops_the_send()
    {
        // Nothing supplied: withdrawing 500 USDT reverts (AAVE's error 32, not enough available user balance).
        await WriteAheadAsync(Step("withdraw", ChainStepKind.AaveWithdraw, 500m), Step("after", ChainStepKind.AaveSupply, 1m));

        var failed = await Desk().SendAsync(InstanceId, Cancel);

        Assert.Equal(0, failed.Sent);
        Assert.StartsWith("the chain step AaveWithdraw of 500 USDT (withdraw) reverted: ", failed.Failure, StringComparison.Ordinal);
        // The failed step leaves the outbox; the one after it waits.
        Assert.Equal(["after"], (await _ledger.ListOpenChainStepsAsync(InstanceId, Cancel)).Select(s => s.StepId));
    }

    [Fact]
    public async Task Eth_is_wrapped_then_supplied_as_weth_and_the_ledger_pays_exactly_the_gas_the_chain_charged()
    {
        // The operator funds the instance with 3 ETH (the account holds more: its float for gas). The hour lends 2 ETH:
        // wrapped into WETH, then supplied (after the pool's one approval).
        await _ledger.AppendTransferAsync(new LedgerTransfer(InstanceId, "funding", "ETH", 3m, 0m, null, ChainReader.Wallet, Start), Cancel);
        await WriteAheadAsync(
            Step("wrap", ChainStepKind.WrapEth, 2m) with { Asset = ChainReader.NativeEth },
            Step("lend", ChainStepKind.AaveSupply, 2m) with { Asset = ChainStepDesk.WrappedEth });
        var before = (await _client.Web3.Eth.GetBalance.SendRequestAsync(_client.Account.Address)).Value;

        var sent = await Desk().SendAsync(InstanceId, Cancel);

        Assert.Equal(new SendOutcome(2, 2, null), sent);
        var after = (await _client.Web3.Eth.GetBalance.SendRequestAsync(_client.Account.Address)).Value;
        var positions = await _ledger.RebuildPositionsAsync(InstanceId, Cancel);
        var ledgerEth = positions.Balances.Single(b => b is { Location: "wallet", Asset: "ETH" }).Amount;

        // The chain's ETH fell by the 2 wrapped and the gas of three transactions (approve, wrap, supply); the ledger's by
        // exactly as much: its gas is the receipts' gas used × effective price.
        Assert.Equal(RayMath.Scale(before - after, 18), 3m - ledgerEth);
        Assert.Equal(["aave_supply", "approve", "wrap_eth"], await PlanNamesAsync());
        Assert.Equal(0m, positions.Balances.Single(b => b is { Location: "wallet", Asset: "WETH" }).Amount);
        var report = await Reconciler.ReconcileAsync(positions, [Reader()], Cancel);
        Assert.True(report.IsClean, string.Join("; ", report.Lines));
        Assert.Equal(2m, report.Lines.Single(l => l is { Location: ChainReader.AaveSupplied, Item: "WETH" }).Actual);
    }

    [Theory]
    [InlineData("EtherFi")]
    [InlineData("Lido")]
    public async Task Eth_is_staked_and_wrapped_at_the_protocol_s_rate_and_reconciles_clean(string protocol)
    {
        // The protocol holds 10 ETH and has earned 0.5: a wrapped token (weETH, wstETH) is worth 1.05 ETH. The instance
        // holds 3 ETH and stakes 2.1: staked for 2.1 eETH (stETH), wrapped into 2.1 / 1.05 = 2 weETH (wstETH), after the
        // wrapped token's one approval.
        var lido = protocol == "Lido";
        var staking = lido ? LiquidStaking.Lido : LiquidStaking.EtherFi;
        using (var other = fixture.Client(2))
        {
            var pool = lido ? Lsts.StEth : Lsts.EtherFiLiquidityPool;
            await (lido
                ? new LidoStaking(other, Lsts.StEth, Lsts.WstEth).SubmitAsync(10 * Ether, Cancel)
                : new EtherFiStaking(other, Lsts.EtherFiLiquidityPool, Lsts.EEth, Lsts.WeEth).DepositAsync(10 * Ether, Cancel));
            await other.SendAsync(pool, new SimulateRewardsFunction { AmountToSend = Ether / 2 }, Cancel);
        }

        await _ledger.AppendTransferAsync(new LedgerTransfer(InstanceId, "funding", "ETH", 3m, 0m, null, ChainReader.Wallet, Start), Cancel);
        await WriteAheadAsync(
            Step("stake", staking.Stake, 2.1m) with { Asset = ChainReader.NativeEth },
            Step("wrap", staking.Wrap, 2.1m) with { Asset = staking.Rebasing });
        var before = (await _client.Web3.Eth.GetBalance.SendRequestAsync(_client.Account.Address)).Value;

        var sent = await StakingDesk().SendAsync(InstanceId, Cancel);

        Assert.Equal(new SendOutcome(2, 2, null), sent);
        var positions = await _ledger.RebuildPositionsAsync(InstanceId, Cancel);
        decimal Held(string asset) => positions.Balances.SingleOrDefault(b => b.Location == ChainReader.Wallet && b.Asset == asset)?.Amount ?? 0m;
        Assert.Equal(2m, Math.Round(Held(staking.Wrapped), 15));
        Assert.True(Held(staking.Rebasing) is >= 0m and < 0.000000000000001m, $"{staking.Rebasing} left: {Held(staking.Rebasing)}");
        // The ledger's ETH fell by the 2.1 staked and exactly the gas the chain charged (stake, approve, wrap).
        var after = (await _client.Web3.Eth.GetBalance.SendRequestAsync(_client.Account.Address)).Value;
        Assert.Equal(RayMath.Scale(before - after, 18), 3m - Held(ChainReader.NativeEth));
        Assert.Equal(lido ? ["approve", "lido_submit", "wrap_steth"] : ["approve", "etherfi_deposit", "wrap_eeth"], await PlanNamesAsync());

        var report = await Reconciler.ReconcileAsync(positions, [new ChainReader(_client, StakingTokens, Pool(), Tokens)], Cancel);
        Assert.True(report.IsClean, string.Join("; ", report.Lines));
        Assert.Equal(2m, Math.Round(report.Lines.Single(l => l.Location == ChainReader.Wallet && l.Item == staking.Wrapped).Actual!.Value, 15));
    }

    [Fact]
    public async Task Eth_bought_and_sold_on_uniswap_is_recorded_at_the_price_the_pool_gave_and_reconciles_clean()
    {
        // The pool is at 3,299 USDT per ETH with 1,000 ETH of liquidity and a 0.3 % fee. The instance holds 10,000 USDT:
        // it buys exactly 1 WETH for at most 3,400 USDT and unwraps it, then wraps 0.5 ETH and sells it for at least 1,600.
        await FundWalletAsync(10_000);
        await WriteAheadAsync(
            Swap("buy", ChainStepKind.SwapExactOut, 1m, 3_400m),
            Step("unwrap", ChainStepKind.UnwrapEth, 1m) with { Asset = ChainReader.NativeEth },
            Step("wrap", ChainStepKind.WrapEth, 0.5m) with { Asset = ChainReader.NativeEth },
            Swap("sell", ChainStepKind.SwapExactIn, 0.5m, 1_600m));

        var sent = await SwapDesk().SendAsync(InstanceId, Cancel);

        Assert.Equal(new SendOutcome(4, 4, null), sent);
        var positions = await _ledger.RebuildPositionsAsync(InstanceId, Cancel);
        var fills = (await _ledger.ListFillsAsync(InstanceId, new LedgerPageRequest(10), Cancel)).Items.Where(f => f.ClientOrderId is "buy" or "sell").ToList();
        var (buy, sell) = (fills.Single(f => f.ClientOrderId == "buy"), fills.Single(f => f.ClientOrderId == "sell"));
        // Each at the pool's price, its fee and its slippage: bought just above 3,299; sold after the buy lifted the pool,
        // below the buy by at least the fee.
        Assert.Equal((OrderSide.Buy, 1m, "WETH", "USDT"), (buy.Side, buy.Quantity, buy.BaseAsset, buy.QuoteAsset));
        Assert.InRange(buy.Price, 3_299m * 1.003m, 3_299m * 1.01m);
        Assert.Equal((OrderSide.Sell, 0.5m), (sell.Side, sell.Quantity));
        Assert.InRange(sell.Price, 3_299m * 0.99m, buy.Price * 0.997m);
        // The ledger's USDT is what the chain holds to the unit: the swaps' Transfer events are what it recorded.
        var usdt = await new Erc20Token(_client, Market.Usdt).BalanceOfAsync();
        Assert.Equal(RayMath.Scale(usdt, 6), positions.Balances.Single(b => b is { Location: ChainReader.Wallet, Asset: "USDT" }).Amount);
        Assert.Equal(10_000m - buy.Price + (0.5m * sell.Price), positions.Balances.Single(b => b is { Location: ChainReader.Wallet, Asset: "USDT" }).Amount);
        var report = await Reconciler.ReconcileAsync(positions, [Reader()], Cancel);
        Assert.True(report.IsClean, string.Join("; ", report.Lines));
    }

    [Fact]
    public async Task Weeth_sold_on_uniswap_becomes_the_eth_the_pool_gave_and_reconciles_clean()
    {
        // EtherFi at 1.05 ETH per weETH, and a weETH/WETH pool at that rate. The instance holds 2 weETH (2.1 ETH staked)
        // and sells them for at least 2.079 WETH (1 % under their worth), then unwraps the 2.1 WETH the book expects:
        // the desk unwraps what the sale gave, less by the pool's fee and slippage.
        await fixture.SetEtherFiRateAsync(1.05m, Cancel);
        await fixture.AddWeEthPoolAsync(Cancel);
        var etherFi = new EtherFiStaking(_client, Lsts.EtherFiLiquidityPool, Lsts.EEth, Lsts.WeEth);
        await etherFi.DepositAsync(21 * Ether / 10, Cancel);
        await etherFi.WrapAsync(await new Erc20Token(_client, Lsts.EEth).BalanceOfAsync(), Cancel);
        var weEth = RayMath.Scale(await new Erc20Token(_client, Lsts.WeEth).BalanceOfAsync(), 18);
        await _ledger.AppendTransferAsync(new LedgerTransfer(InstanceId, "funding", LiquidStaking.EtherFi.Wrapped, weEth, 0m, null, ChainReader.Wallet, Start), Cancel);
        await WriteAheadAsync(
            Step("sell", ChainStepKind.SwapExactIn, weEth) with { Asset = LiquidStaking.EtherFi.Wrapped, Counter = ChainStepDesk.WrappedEth, Limit = 2.079m },
            Step("unwrap", ChainStepKind.UnwrapEth, 2.1m) with { Asset = ChainReader.NativeEth });

        var sent = await StakingDesk().SendAsync(InstanceId, Cancel);

        Assert.Equal(new SendOutcome(2, 2, null), sent);
        var sale = (await _ledger.ListFillsAsync(InstanceId, new LedgerPageRequest(10), Cancel)).Items.Single(f => f.ClientOrderId == "sell");
        Assert.Equal((OrderSide.Sell, "weETH", "WETH"), (sale.Side, sale.BaseAsset, sale.QuoteAsset));
        Assert.InRange(sale.Price, 1.05m * 0.99m, 1.05m * 0.9999m);
        var positions = await _ledger.RebuildPositionsAsync(InstanceId, Cancel);
        Assert.Equal(0m, positions.Balances.Single(b => b is { Location: ChainReader.Wallet, Asset: "weETH" }).Amount);
        Assert.Equal(0m, positions.Balances.Single(b => b is { Location: ChainReader.Wallet, Asset: "WETH" }).Amount);
        var report = await Reconciler.ReconcileAsync(positions, [new ChainReader(_client, StakingTokens, Pool(), Tokens)], Cancel);
        Assert.True(report.IsClean, string.Join("; ", report.Lines));
    }

    [Fact]
    public async Task A_loop_is_levered_deleveraged_and_unwound_each_in_one_executor_transaction_booked_from_the_pools_events()
    {
        // EtherFi at 1.05 ETH per weETH; its weETH listed on AAVE in the ETH eMode at that rate, and a weETH/WETH pool.
        await fixture.SetEtherFiRateAsync(1.05m, Cancel);
        await fixture.AddLoopMarketAsync(Cancel);
        await fixture.AddWeEthPoolAsync(Cancel, depthEth: 3_000);
        await _ledger.AppendTransferAsync(new LedgerTransfer(InstanceId, "funding", ChainReader.NativeEth, 1m, 0m, null, ChainReader.Wallet, Start), Cancel);
        decimal Held(LedgerPositions positions, string location, string asset) =>
            positions.Balances.SingleOrDefault(b => b.Location == location && b.Asset == asset)?.Amount ?? 0m;

        // An entry at λ = 0.9 (docs/accounting.md's, halved): 1 ETH of equity (wrapped) and a 9 WETH flash loan staked
        // for 10 ETH of weETH; the loan plus its 5 bp premium, 9.0045 WETH, borrowed on the account: LTV 0.90045.
        await WriteAheadAsync(
            Step("wrap", ChainStepKind.WrapEth, 1m) with { Asset = ChainReader.NativeEth },
            Step("lever", ChainStepKind.LoopLever, 1m) with { Asset = ChainStepDesk.WrappedEth, Counter = LiquidStaking.EtherFi.Wrapped, Flash = 9m });

        Assert.Equal(new SendOutcome(2, 2, null), await LoopDesk().SendAsync(InstanceId, Cancel));
        var levered = await _ledger.RebuildPositionsAsync(InstanceId, Cancel);
        // The borrow of 9.0045, and the debt's interest booked since: seconds of it (anvil stamps blocks with the wall clock).
        Assert.InRange(Held(levered, ChainReader.AaveBorrowed, ChainStepDesk.WrappedEth), -9.0045m - 0.00001m, -9.0045m);
        Assert.InRange(Held(levered, ChainReader.AaveSupplied, LiquidStaking.EtherFi.Wrapped) * 1.05m, 9.99999m, 10m);
        Assert.Equal(0m, Held(levered, ChainReader.Wallet, ChainStepDesk.WrappedEth));
        var lever = (await _ledger.ListFillsAsync(InstanceId, new LedgerPageRequest(10), Cancel)).Items.Single(f => f.ClientOrderId == "lever");
        Assert.Equal((OrderSide.Buy, 0.0045m), (lever.Side, lever.Fee));
        await AssertReconciledAsync(levered);

        // A deleverage: 4.5 WETH of debt repaid by flash loan, 4.5 weETH (4.725 ETH) sold for at least 4.67775 WETH, and
        // what the sale left after the loan and its 0.00225 premium unwrapped (asked for 0.5, it takes what is there).
        await WriteAheadAsync(
            Step("deleverage", ChainStepKind.LoopDeleverage, 4.5m) with { Asset = LiquidStaking.EtherFi.Wrapped, Counter = ChainStepDesk.WrappedEth, Limit = 4.67775m, Flash = 4.5m },
            Step("unwrap", ChainStepKind.UnwrapEth, 0.5m) with { Asset = ChainReader.NativeEth });

        Assert.Equal(new SendOutcome(2, 2, null), await LoopDesk().SendAsync(InstanceId, Cancel));
        var deleveraged = await _ledger.RebuildPositionsAsync(InstanceId, Cancel);
        Assert.InRange(Held(deleveraged, ChainReader.AaveBorrowed, ChainStepDesk.WrappedEth), -4.5045m - 0.00001m, -4.5045m);
        Assert.InRange(Held(deleveraged, ChainReader.AaveSupplied, LiquidStaking.EtherFi.Wrapped) * 1.05m, 5.27499m, 5.275m);
        var sale = (await _ledger.ListFillsAsync(InstanceId, new LedgerPageRequest(10), Cancel)).Items.Single(f => f.ClientOrderId == "deleverage");
        Assert.Equal((OrderSide.Sell, 4.5m, 0.00225m), (sale.Side, sale.Quantity, sale.Fee));
        Assert.InRange(sale.Price, 1.05m * 0.99m, 1.05m * 0.9995m);
        Assert.Equal(0m, Held(deleveraged, ChainReader.Wallet, ChainStepDesk.WrappedEth));
        await AssertReconciledAsync(deleveraged);

        // The unwind: the whole debt at its block repaid, all the weETH sold; nothing owed, nothing supplied.
        var left = Held(deleveraged, ChainReader.AaveSupplied, LiquidStaking.EtherFi.Wrapped);
        await WriteAheadAsync(
            Step("unwind", ChainStepKind.LoopUnwind, left) with { Asset = LiquidStaking.EtherFi.Wrapped, Counter = ChainStepDesk.WrappedEth, Limit = Math.Round(left * 1.05m * 0.99m, 8), Flash = 4.5045m },
            Step("unwrap-all", ChainStepKind.UnwrapEth, 2m) with { Asset = ChainReader.NativeEth });

        Assert.Equal(new SendOutcome(2, 2, null), await LoopDesk().SendAsync(InstanceId, Cancel));
        Assert.Equal(0m, (await Pool().GetUserAccountDataAsync()).TotalDebtBase);
        var unwound = await _ledger.RebuildPositionsAsync(InstanceId, Cancel);
        // The whole debt repaid: its interest was booked before the unwind and after it, to AAVE's rounding.
        Assert.InRange(Held(unwound, ChainReader.AaveBorrowed, ChainStepDesk.WrappedEth), -0.000001m, 0.000001m);
        Assert.Equal(0m, Held(unwound, ChainReader.Wallet, ChainStepDesk.WrappedEth));
        await AssertReconciledAsync(unwound);
        // One executor, deployed once; the account entered eMode once; each plan one transaction.
        var names = await PlanNamesAsync();
        Assert.Equal(1, names.Count(n => n == ChainStepDesk.ExecutorDeployment));
        Assert.Equal(1, names.Count(n => n == "set_emode"));
        Assert.Equal(["loop_deleverage", "loop_lever", "loop_unwind"], names.Where(n => n.StartsWith("loop_", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_lever_on_a_chain_whose_contracts_list_no_eth_emode_is_refused_before_anything_is_signed()
    {
        await WriteAheadAsync(Step("lever", ChainStepKind.LoopLever, 2m) with { Asset = ChainStepDesk.WrappedEth, Counter = LiquidStaking.EtherFi.Wrapped, Flash = 18m });

        var sent = await StakingDesk().SendAsync(InstanceId, Cancel);

        Assert.Equal(
            new SendOutcome(0, 0, "the chain step LoopLever of 2 WETH for weETH with a flash loan of 18 WETH (lever) cannot be sent: this host's chain contracts list no aave_v3.eth_emode_category (the eMode a loop borrows in)"),
            sent);
        Assert.Empty(await PlanNamesAsync());
    }

    [Fact]
    public async Task A_swap_the_pool_would_fill_beyond_its_limit_reverts_and_is_recorded_failed()
    {
        // 1 WETH for at most 3,000 USDT, with the pool at 3,299: the router refuses ("Too much requested").
        await FundWalletAsync(10_000);
        await WriteAheadAsync(Swap("buy", ChainStepKind.SwapExactOut, 1m, 3_000m));

        var sent = await SwapDesk().SendAsync(InstanceId, Cancel);

        Assert.StartsWith("the chain step SwapExactOut of 1 WETH for USDT (limit 3000) (buy) reverted", sent.Failure, StringComparison.Ordinal);
        Assert.Empty(await _ledger.ListOpenChainStepsAsync(InstanceId, Cancel));
        Assert.Equal(10_000 * BigInteger.Pow(10, 6), await new Erc20Token(_client, Market.Usdt).BalanceOfAsync());
    }

    [Fact]
    public async Task A_stake_on_a_chain_without_etherfi_s_pool_is_refused_before_anything_is_signed()
    {
        await WriteAheadAsync(Step("stake", ChainStepKind.EtherFiDeposit, 1m) with { Asset = ChainReader.NativeEth });

        var sent = await new ChainStepDesk(_ledger, _client, Pool(), StakingTokens, new VenueClients(null), TimeProvider.System).SendAsync(InstanceId, Cancel);

        Assert.Contains("cannot be sent: this host's chain contracts list no etherfi.liquidity_pool", sent.Failure, StringComparison.Ordinal);
        Assert.Equal(ChainStepStatus.Planned, Assert.Single(await _ledger.ListOpenChainStepsAsync(InstanceId, Cancel)).Status);
    }

    [Fact]
    public async Task A_deposit_to_an_exchange_is_in_transit_until_the_venue_credits_it_then_is_the_venues_in_its_trading_account()
    {
        // Bybit on the simulator, watching this chain for deposits, crediting them after 2 confirmations (the transaction's
        // block and one more) to the funding account, as Bybit does.
        await using var venues = await SimulatedVenues.StartAsync(Repository.Root, Cancel, new SimulatorChain
        {
            RpcUrl = fixture.Chain.RpcUrl,
            Tokens = new Dictionary<string, string> { ["USDT"] = Market.Usdt },
            Confirmations = 2,
            HotWalletPrivateKey = fixture.Chain.PrivateKey(2),
            PollInterval = TimeSpan.FromMilliseconds(50),
        }, startingUsdt: 0m);
        var bybit = venues.Clients[ExchangeVenue.Bybit];
        await FundWalletAsync(5_000);
        // Written at the simulator's clock, which its deposit history is dated by.
        DateTimeOffset written = SimulatedVenues.StartUtc;
        await WriteAheadAsync(Step("deposit", ChainStepKind.ExchangeDeposit, 4_000m) with { Venue = "bybit", CreatedUtc = written, UpdatedUtc = written });

        // Mined, the 4,000 USDT are in transit: gone from the wallet, not yet at the venue, and reconciliation says so.
        var mined = await Desk(venues).SendAsync(InstanceId, Cancel);
        Assert.Equal((1, 1, null), (mined.Sent, mined.Settled, mined.Failure));
        Assert.Matches(@"^the chain step ExchangeDeposit of 4000 USDT to bybit \(deposit\) is mined \(0x[0-9a-f]{64}\) and bybit has not (seen|credited) it yet$", mined.Waiting);
        Assert.Equal(ChainStepStatus.Arriving, Assert.Single(await _ledger.ListOpenChainStepsAsync(InstanceId, Cancel)).Status);
        var arriving = await ReconcileAsync(bybit);
        Assert.True(arriving.IsClean, string.Join("; ", arriving.Lines));
        Assert.Equal(new ReconciliationLine("in_transit/bybit", HoldingKind.Balance, "USDT", 4_000m, null, ReconciliationStatus.InTransit), arriving.Lines.Single(l => l.Location == "in_transit/bybit"));
        Assert.Equal(1_000m, arriving.Lines.Single(l => l is { Location: ChainReader.Wallet, Item: "USDT" }).Actual);

        // A second block confirms it; once Bybit lists it credited, the desk moves it into the unified account.
        await fixture.Chain.CallAsync("evm_mine", cancellationToken: Cancel);
        var credited = await Until<IReadOnlyList<DepositRecord>>(() => bybit.GetDepositsAsync("USDT", written, Cancel), d => d.Count == 1 && d[0].Status == DepositStatus.Credited);
        var arrived = await Desk(venues).SendAsync(InstanceId, Cancel);
        var again = await Desk(venues).SendAsync(InstanceId, Cancel);

        Assert.Equal(new SendOutcome(0, 1, null), arrived);
        Assert.Equal(new SendOutcome(0, 0, null), again);
        Assert.Empty(await _ledger.ListOpenChainStepsAsync(InstanceId, Cancel));
        Assert.Equal(4_000m, (await bybit.GetBalancesAsync(TradingAccount.Futures, Cancel)).Single(b => b.Asset == "USDT").Total);
        var positions = await _ledger.RebuildPositionsAsync(InstanceId, Cancel);
        Assert.Equal(
            [("bybit", 4_000m), ("in_transit/bybit", 0m), (ChainReader.Wallet, 1_000m)],
            positions.Balances.Where(b => b.Asset == "USDT").Select(b => (b.Location, b.Amount)));
        var done = await ReconcileAsync(bybit);
        Assert.True(done.IsClean, string.Join("; ", done.Lines));
        Assert.Equal(4_000m, done.Lines.Single(l => l is { Location: "bybit", Item: "USDT" }).Actual);
        Assert.Equal("exchange_deposit", (await _ledger.GetTransactionAsync(credited[0].TxHash, Cancel))!.PlanName);
    }

    [Fact]
    public async Task A_deposit_a_crash_left_moving_is_never_moved_again_and_stops_the_send_for_an_operator()
    {
        // The host stopped after marking the credited deposit moving, before or after the venue moved it: which is unknown.
        const string Hash = "0x1111111111111111111111111111111111111111111111111111111111111111";
        var moving = Step("moving", ChainStepKind.ExchangeDeposit, 1_000m) with { Venue = "okx", Status = ChainStepStatus.Moving, TxHash = Hash };
        await WriteAheadAsync(moving);

        var sent = await Desk().SendAsync(InstanceId, Cancel);

        Assert.Equal(
            "the chain step ExchangeDeposit of 1000 USDT to okx (moving) was credited and being moved into okx's trading account when the host stopped, so whether it was moved is unknown: check the venue's transfer history and finish the step by hand",
            sent.Failure);
        Assert.Equal(ChainStepStatus.Moving, Assert.Single(await _ledger.ListOpenChainStepsAsync(InstanceId, Cancel)).Status);
    }

    [Fact]
    public async Task The_chain_steps_after_a_withdrawal_wait_for_it_while_the_other_desks_go_on()
    {
        // Lending what a withdrawal from OKX brings needs it in the wallet first.
        await WriteAheadAsync(
            Step("out", ChainStepKind.ExchangeWithdrawal, 500m) with { Venue = "okx" },
            Step("lend", ChainStepKind.AaveSupply, 500m));

        var sent = await Desk().SendAsync(InstanceId, Cancel);

        Assert.Equal(new SendOutcome(0, 0, null, "the chain steps after the withdrawal ExchangeWithdrawal of 500 USDT from okx (out) wait for it to arrive in the wallet", LaterDesksGo: true), sent);
        Assert.All(await _ledger.ListOpenChainStepsAsync(InstanceId, Cancel), s => Assert.Equal(ChainStepStatus.Planned, s.Status));
    }

    private async Task<ReconciliationReport> ReconcileAsync(IPerpExchange exchange) =>
        await Reconciler.ReconcileAsync(await _ledger.RebuildPositionsAsync(InstanceId, Cancel), [Reader(), new ExchangeReader(exchange)], Cancel);

    private static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(50, Cancel);
        }

        throw new TimeoutException("the simulator did not get there in 10 s");
    }

    private async Task<string[]> PlanNamesAsync()
    {
        await using var command = _dataSource.CreateCommand("SELECT plan_name FROM live_transactions WHERE instance_id = @instance_id AND status = 'Confirmed' ORDER BY plan_name");
        command.Parameters.AddWithValue("instance_id", InstanceId);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            names.Add(reader.GetString(0));
        }

        return [.. names];
    }

    private AaveMarket Market => fixture.Market;

    private LstStandIns Lsts => fixture.Lsts;

    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    /// <summary>
    /// The tokens of a chain with the staking protocols (the stand-ins): the AAVE market's, but weETH the stand-in's (the
    /// market's is a plain mintable token), and eETH, stETH and wstETH.
    /// </summary>
    private IReadOnlyList<ChainToken> StakingTokens =>
    [
        .. Tokens.Where(t => t.Symbol != LiquidStaking.EtherFi.Wrapped),
        new(LiquidStaking.EtherFi.Rebasing, Lsts.EEth, 18), new(LiquidStaking.EtherFi.Wrapped, Lsts.WeEth, 18),
        new(LiquidStaking.Lido.Rebasing, Lsts.StEth, 18), new(LiquidStaking.Lido.Wrapped, Lsts.WstEth, 18),
    ];

    /// <summary>The desk with Uniswap's router and its WETH/USDT pool.</summary>
    private ChainStepDesk SwapDesk() =>
        new(_ledger, _client, Pool(), Tokens, new VenueClients(null), TimeProvider.System)
        {
            Uniswap = new UniswapRoutes(fixture.Uniswap.SwapRouter, new Dictionary<string, uint> { ["WETH/USDT"] = fixture.Uniswap.Fee }),
        };

    /// <summary>A swap of <paramref name="weth"/> WETH for USDT, bounded by <paramref name="limit"/> USDT.</summary>
    private static LedgerChainStep Swap(string id, ChainStepKind kind, decimal weth, decimal limit) =>
        Step(id, kind, weth) with { Asset = ChainStepDesk.WrappedEth, Counter = "USDT", Limit = limit };

    /// <summary>The desk on a chain with the staking protocols, and Uniswap's weETH/WETH pool when a test adds it.</summary>
    private ChainStepDesk StakingDesk() =>
        new(_ledger, _client, Pool(), StakingTokens, new VenueClients(null), TimeProvider.System)
        {
            EtherFiLiquidityPool = Lsts.EtherFiLiquidityPool,
            Uniswap = new UniswapRoutes(fixture.Uniswap.SwapRouter, new Dictionary<string, uint> { ["weETH/WETH"] = AaveChainFixture.WeEthPoolFee }),
        };

    /// <summary>The staking desk in AAVE's ETH eMode: a loop's.</summary>
    private ChainStepDesk LoopDesk() =>
        new(_ledger, _client, Pool(), StakingTokens, new VenueClients(null), TimeProvider.System)
        {
            EtherFiLiquidityPool = Lsts.EtherFiLiquidityPool,
            EthEModeCategory = AaveMarket.EthCorrelatedEMode,
            Uniswap = new UniswapRoutes(fixture.Uniswap.SwapRouter, new Dictionary<string, uint> { ["weETH/WETH"] = AaveChainFixture.WeEthPoolFee }),
        };

    /// <summary>Reconciles the ledger's positions with the account, the stand-in's weETH read as an AAVE reserve.</summary>
    private async Task AssertReconciledAsync(LedgerPositions positions)
    {
        var report = await Reconciler.ReconcileAsync(positions, [new ChainReader(_client, StakingTokens, Pool(), StakingTokens)], Cancel);
        Assert.True(report.IsClean, string.Join("; ", report.Lines));
    }

    private AavePool Pool() => new(_client, Market.Pool);

    private ChainStepDesk Desk(SimulatedVenues? venues = null, decimal shortfallTolerance = 0m) =>
        new(_ledger, _client, Pool(), Tokens, new VenueClients(venues), TimeProvider.System) { ShortfallTolerance = shortfallTolerance };

    private ChainReader Reader() => new(_client, Tokens, Pool(), Tokens);

    private IReadOnlyList<ChainToken> Tokens => [.. Market.Reserves.Select(r => new ChainToken(r.Key, r.Value.Asset, r.Value.Decimals))];

    /// <summary>The operator's funding of the wallet: USDT minted to it, and recorded in the ledger as a deposit.</summary>
    private async Task FundWalletAsync(int usdt)
    {
        await _client.SendAsync(Market.Usdt, new MintFunction { Account = _client.Account.Address, Value = usdt * BigInteger.Pow(10, 6) }, Cancel);
        await _ledger.AppendTransferAsync(new LedgerTransfer(InstanceId, "funding", "USDT", usdt, 0m, null, ChainReader.Wallet, Start), Cancel);
    }

    private static LedgerChainStep Step(string id, ChainStepKind kind, decimal amount) =>
        new(InstanceId, id, kind, "USDT", amount, ChainStepStatus.Planned, null, null, null, "test", Start, Start);

    private Task WriteAheadAsync(params LedgerChainStep[] steps) =>
        _ledger.RecordHourAsync([], [], new LedgerEquity(InstanceId, Start, 10_000m, "{}"), chainStepsAhead: steps, cancellationToken: Cancel);

    /// <summary>The simulated venues' clients, as a host's would be (none when the test starts no venue).</summary>
    private sealed class VenueClients(SimulatedVenues? venues) : IExchangeClients
    {
        public IPerpExchange ClientOf(ExchangeVenue venue) =>
            venues?.Clients[venue] ?? throw new InvalidOperationException("this test starts no exchange");
    }
}
