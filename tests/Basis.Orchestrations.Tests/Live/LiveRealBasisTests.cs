using System.Globalization;
using System.Numerics;
using Basis.ExchangeSimulator.Chain;
using Basis.Live.Execution;
using Basis.Live.Ledger;
using Basis.Live.Reconciliation;
using Basis.Live.Safety;
using Basis.Live.Tests.Reconciliation;
using Basis.Orchestrations.Live;
using Basis.Orchestrations.Tests.Support;
using Basis.Testing;
using Basis.Venues.Exchanges;
using Basis.Venues.Tests.Ethereum.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace Basis.Orchestrations.Tests.Live;

/// <summary>
/// A real eth_basis instance enters from the host's wallet: its USDT is deposited on chain (anvil) to Binance, Bybit and
/// OKX on the exchange simulator, which watch the chain and credit it; its orders wait for the credits, then buy ETH spot
/// on Bybit and short it on the three venues; the ledger (a real PostgreSQL) then reconciles clean against the chain and
/// every venue. A real btc_basis instance does the same, buying BTC on Binance's spot account, funded from the futures
/// margin its deposit went to. A real usdt_eth_staking_hedged_simple instance does the same with its on-chain half (ETH bought on the
/// real Uniswap v3, staked with EtherFi's stand-in for weETH), and at the operator's emergency stop unwinds into USDT in
/// the wallet: the shorts closed, the weETH and its ETH sold on Uniswap, the margin withdrawn from the three venues; a
/// real usdt_eth_staking_hedged_leveraged instance levers its ETH through the leverage executor instead of staking it.
/// </summary>
public sealed class LiveRealBasisTests(AaveChainFixture fixture, PostgresServer server) : IClassFixture<AaveChainFixture>, IClassFixture<PostgresServer>, IAsyncLifetime
{
    private const decimal Capital = 20_000m;

    // More blocks than the entry's transactions mine, so that no deposit is credited before the test mines them.
    private const int Confirmations = 20;
    private static readonly DateTimeOffset Created = new(SimulatedVenues.StartUtc, TimeSpan.Zero);
    private static readonly LiveTradingSettings Real = LiveTradingSettings.Default with { Enabled = true, ReadOnly = false, MaxTradeSizeUsd = 1_000_000m };
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("basis-live-basis-");
    private LiveLedgerSource? _source;
    private SimulatedVenues? _venues;
    private EnvironmentChain? _chain;
    private string? _snapshot;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _snapshot = fixture.Chain.IsAvailable ? await fixture.Chain.SnapshotAsync(Cancel) : null;
        _source = new LiveLedgerSource(await server.CreateDatabaseAsync());
    }

    public async ValueTask DisposeAsync()
    {
        _chain?.Dispose();
        if (_venues is not null)
        {
            await _venues.DisposeAsync();
        }

        if (_source is not null)
        {
            await _source.DisposeAsync();
        }

        _temp.Delete(recursive: true);
        if (_snapshot is not null)
        {
            await fixture.Chain.RevertAsync(_snapshot, Cancel);
        }
    }

    [Theory]
    [InlineData("eth_basis", "bybit", "ETH", 4.0, 6.0)]
    [InlineData("btc_basis", "binance", "BTC", 0.1, 0.2)]
    public async Task A_real_basis_instance_deposits_its_usdt_to_the_exchanges_waits_for_the_credits_then_trades_and_reconciles_clean(
        string mode, string spotVenue, string asset, double spotAtLeast, double spotAtMost)
    {
        var market = fixture.Market;
        _venues = await StartVenuesAsync();
        using var host = fixture.Client(1);
        await host.SendAsync(market.Usdt, new MintFunction { Account = host.Account.Address, Value = 20_000 * BigInteger.Pow(10, 6) }, Cancel);
        var ledger = await _source!.OpenAsync(Cancel);
        var instance = new LiveInstance("basis", "basis", mode, "usdt", Capital, ["ethereum", "binance", "bybit", "okx"], "{}", ExecutionKind.Real, LiveInstanceStatus.Active, Created, Created);
        await ledger.SaveInstanceAsync(instance, new LedgerTransfer("basis", "opening-funding", "USDT", Capital, 0m, null, ChainReader.Wallet, Created), Cancel);
        var clock = new FakeTimeProvider(Created.AddMinutes(5));
        var runtime = Runtime(clock);

        // The entry hour: its deposits are mined and on their way; its spot buy and shorts wait for them.
        await runtime.BeatAsync(Cancel);
        var entry = await runtime.RunCycleAsync("basis", Created, Cancel);
        Assert.True(entry.Ran, entry.Detail);
        var deposits = await ledger.ListOpenChainStepsAsync("basis", Cancel);
        Assert.Equal(["binance", "bybit", "okx"], deposits.Select(d => d.Venue!).Distinct().Order());
        Assert.All(deposits, d => Assert.Equal((ChainStepKind.ExchangeDeposit, ChainStepStatus.Arriving), (d.Kind, d.Status)));
        var wanted = await ledger.ListOpenOrdersAsync("basis", Cancel);
        Assert.Equal(4, wanted.Count);
        Assert.All(wanted, o => Assert.Null(o.VenueOrderId));

        // In between, reconciliation finds the USDT in transit and nothing wrong.
        var inFlight = await runtime.ReconcileAsync("basis", Cancel);
        Assert.Matches(@"^reconciled: .* \(\d+ holding\(s\) within tolerance, 3 in transit\)$", inFlight.Detail);

        // The chain confirms the deposits and the venues credit them; the next cycle moves them into the trading accounts,
        // sends the waiting orders and goes on with the next hour.
        await ConfirmDepositsThenRunNextHourAsync(runtime, ledger, clock, "basis", deposits.Count);

        // Every USDT deposited is at its venue, the wallet keeps the rest, and the venues hold the spot ETH and the shorts the
        // ledger says: clean, nothing in transit.
        var positions = await ledger.RebuildPositionsAsync("basis", Cancel);
        var deposited = deposits.GroupBy(d => d.Venue!).ToDictionary(g => g.Key, g => g.Sum(d => d.Amount));
        Assert.Equal(Capital - deposited.Values.Sum(), positions.Balances.Single(b => b is { Location: ChainReader.Wallet, Asset: "USDT" }).Amount);
        Assert.All(positions.Balances.Where(b => Transit.Is(b.Location)), b => Assert.Equal(0m, b.Amount));
        // btc_basis buys on Binance, whose spot account the desk funds from the futures margin the deposit went to.
        var spot = positions.Balances.Single(b => b.Location == spotVenue && b.Asset == asset).Amount;
        var shorts = positions.Perps.Sum(p => p.Size);
        Assert.InRange(spot, (decimal)spotAtLeast, (decimal)spotAtMost);
        Assert.InRange(shorts, -spot - (spot * 0.01m), -spot + (spot * 0.01m));
        var reconciled = await runtime.ReconcileAsync("basis", Cancel);
        Assert.True(reconciled.Ran, reconciled.Detail);
        Assert.Matches(@"^reconciled: the venues hold what the ledger says \(\d+ holding\(s\) within tolerance\)$", reconciled.Detail);
    }

    [Fact]
    public async Task A_real_hedged_staking_instance_enters_reconciles_clean_and_an_emergency_stop_unwinds_it_into_usdt_in_the_wallet()
    {
        var market = fixture.Market;
        _venues = await StartVenuesAsync();
        await fixture.SetEtherFiRateAsync(AaveChainFixture.SampleWeEthRate, Cancel);

        using var host = fixture.Client(1);
        await host.SendAsync(market.Usdt, new MintFunction { Account = host.Account.Address, Value = 20_000 * BigInteger.Pow(10, 6) }, Cancel);
        var ledger = await _source!.OpenAsync(Cancel);
        var instance = new LiveInstance("hedged", "hedged", "usdt_eth_staking_hedged_simple", "usdt", Capital, ["ethereum", "binance", "bybit", "okx"], "{}", ExecutionKind.Real, LiveInstanceStatus.Active, Created, Created);
        await ledger.SaveInstanceAsync(instance, new LedgerTransfer("hedged", "opening-funding", "USDT", Capital, 0m, null, ChainReader.Wallet, Created), Cancel);
        var clock = new FakeTimeProvider(Created.AddMinutes(5));
        var runtime = Runtime(clock, etherFi: true);

        // The entry hour: ETH bought with half the capital and staked, on chain at once; the margin deposited, on its way;
        // the shorts waiting for it.
        await runtime.BeatAsync(Cancel);
        var entry = await runtime.RunCycleAsync("hedged", Created, Cancel);
        Assert.True(entry.Ran, entry.Detail);
        var deposits = await ledger.ListOpenChainStepsAsync("hedged", Cancel);
        Assert.All(deposits, d => Assert.Equal((ChainStepKind.ExchangeDeposit, ChainStepStatus.Arriving), (d.Kind, d.Status)));
        var staked = await ledger.RebuildPositionsAsync("hedged", Cancel);
        var weEth = staked.Balances.Single(b => b is { Location: ChainReader.Wallet, Asset: "weETH" }).Amount;
        // About 10,000 USDT of ETH at 3,300, staked at 1.0565 ETH per weETH: some 2.87 weETH.
        Assert.InRange(weEth, 2.8m, 2.95m);
        var usdtLeft = staked.Balances.Single(b => b is { Location: ChainReader.Wallet, Asset: "USDT" }).Amount;
        Assert.InRange(Capital - usdtLeft - deposits.Sum(d => d.Amount), 9_900m, 10_100m);

        await ConfirmDepositsThenRunNextHourAsync(runtime, ledger, clock, "hedged", deposits.Count);

        // The shorts hedge the staked ETH (weETH at its rate), and everything reconciles against the chain and the venues.
        var positions = await ledger.RebuildPositionsAsync("hedged", Cancel);
        var shorts = positions.Perps.Sum(p => p.Size);
        Assert.InRange(-shorts, weEth * 1.0565m * 0.98m, weEth * 1.0565m * 1.02m);
        var reconciled = await runtime.ReconcileAsync("hedged", Cancel);
        Assert.True(reconciled.Ran, reconciled.Detail);
        Assert.Matches(@"^reconciled: the venues hold what the ledger says \(\d+ holding\(s\) within tolerance\)$", reconciled.Detail);

        // The operator's emergency stop: the next hour unwinds into USDT: the shorts closed, the weETH sold on Uniswap (a
        // pool at EtherFi's rate) and its ETH sold for USDT, the margin withdrawn from the venues to the wallet.
        await fixture.AddWeEthPoolAsync(Cancel);
        await OperatorActions.EmergencyStopAsync(ledger, "hedged", clock.GetUtcNow(), Cancel);
        clock.Advance(TimeSpan.FromHours(1));
        var unwind = await runtime.RunCycleAsync("hedged", Created.AddHours(2), Cancel);
        Assert.True(unwind.Detail.StartsWith("unwinding: the unwind was sent at 2025-01-01T02:00Z", StringComparison.Ordinal), unwind.Detail);
        Assert.Contains("hedged", await runtime.InstancesDueAsync(Cancel));

        // Done once the withdrawals are in the wallet; the instance stays halted.
        Assert.Equal("unwound into cash at 2025-01-01T02:00Z", (await UntilUnwoundAsync(runtime, "hedged")).Detail);
        Assert.DoesNotContain("hedged", await runtime.InstancesDueAsync(Cancel));
        Assert.Empty(await ledger.ListOpenChainStepsAsync("hedged", Cancel));
        var unwound = await ledger.RebuildPositionsAsync("hedged", Cancel);
        decimal Held(string location, string asset) => unwound.Balances.SingleOrDefault(b => b.Location == location && b.Asset == asset)?.Amount ?? 0m;
        // The shorts are closed; what is left is the book's own hedge of the ETH the wallet owes for gas (a USDT instance
        // pays gas from the operator's float, which the book carries as negative ETH): a step or two long, whose margin
        // stays at its venue, free USDT being what a withdrawal takes.
        Assert.All(unwound.Perps, p => Assert.InRange(p.Size, 0m, 0.003m));
        Assert.InRange(Held(ChainReader.Wallet, "weETH"), 0m, 0.00000001m);
        // Back in the wallet: the capital less two swaps' fees and slippage, the perps' fees and the withdrawals' fees.
        Assert.InRange(Held(ChainReader.Wallet, "USDT"), Capital * 0.98m, Capital);
        var after = await runtime.ReconcileAsync("hedged", Cancel);
        Assert.True(after.Detail.StartsWith("reconciled: the venues hold what the ledger says", StringComparison.Ordinal), after.Detail);
    }

    [Fact]
    public async Task A_real_leveraged_hedged_staking_instance_levers_its_half_through_the_executor_hedges_the_net_eth_and_unwinds_into_usdt()
    {
        // Small enough that the whole loop (about 10 ETH of weETH) sells within the 1 % swap tolerance in the test pool.
        const decimal capital = 6_000m;
        _venues = await StartVenuesAsync();
        await fixture.SetEtherFiRateAsync(AaveChainFixture.SampleWeEthRate, Cancel);

        await fixture.AddLoopMarketAsync(Cancel);
        await fixture.AddWeEthPoolAsync(Cancel, depthEth: 3_000);
        using var host = fixture.Client(1);
        await host.SendAsync(fixture.Market.Usdt, new MintFunction { Account = host.Account.Address, Value = (int)capital * BigInteger.Pow(10, 6) }, Cancel);
        var ledger = await _source!.OpenAsync(Cancel);
        var instance = new LiveInstance("looped", "looped", "usdt_eth_staking_hedged_leveraged", "usdt", capital, ["ethereum", "binance", "bybit", "okx"], "{}", ExecutionKind.Real, LiveInstanceStatus.Active, Created, Created);
        await ledger.SaveInstanceAsync(instance, new LedgerTransfer("looped", "opening-funding", "USDT", capital, 0m, null, ChainReader.Wallet, Created), Cancel);
        var clock = new FakeTimeProvider(Created.AddMinutes(5));
        var runtime = Runtime(clock, etherFi: true);

        // The entry hour: ETH bought with half the capital and levered into the loop in one executor transaction; the
        // margin deposited, on its way; the shorts waiting for it.
        await runtime.BeatAsync(Cancel);
        var entry = await runtime.RunCycleAsync("looped", Created, Cancel);
        Assert.True(entry.Ran, entry.Detail);
        var deposits = await ledger.ListOpenChainStepsAsync("looped", Cancel);
        Assert.All(deposits, d => Assert.Equal((ChainStepKind.ExchangeDeposit, ChainStepStatus.Arriving), (d.Kind, d.Status)));
        var levered = await ledger.RebuildPositionsAsync("looped", Cancel);
        decimal Held(LedgerPositions positions, string location, string asset) => positions.Balances.SingleOrDefault(b => b.Location == location && b.Asset == asset)?.Amount ?? 0m;
        var collateralEth = Held(levered, ChainReader.AaveSupplied, "weETH") * 1.0565m;
        var debt = -Held(levered, ChainReader.AaveBorrowed, ChainStepDesk.WrappedEth);
        // About 3,000 USDT of ETH at 3,300 (0.9 ETH) levered to the mode's λ = 0.909: some 10 ETH of weETH against 9 of WETH.
        Assert.InRange(debt / collateralEth, 0.90m, 0.915m);
        Assert.InRange(collateralEth - debt, 0.85m, 0.95m);

        await ConfirmDepositsThenRunNextHourAsync(runtime, ledger, clock, "looped", deposits.Count);

        // The shorts hedge the loop's net ETH (collateral less debt), and everything reconciles, the debt included.
        var positions = await ledger.RebuildPositionsAsync("looped", Cancel);
        var shorts = -positions.Perps.Sum(p => p.Size);
        Assert.InRange(shorts, (collateralEth - debt) * 0.95m, (collateralEth - debt) * 1.05m);
        var reconciled = await runtime.ReconcileAsync("looped", Cancel);
        Assert.True(reconciled.Ran, reconciled.Detail);
        Assert.Matches(@"^reconciled: the venues hold what the ledger says \(\d+ holding\(s\) within tolerance\)$", reconciled.Detail);

        // The operator's emergency stop: the loop unwound in one transaction, its ETH sold for USDT, the shorts closed and
        // the margin withdrawn to the wallet.
        await OperatorActions.EmergencyStopAsync(ledger, "looped", clock.GetUtcNow(), Cancel);
        clock.Advance(TimeSpan.FromHours(1));
        var unwind = await runtime.RunCycleAsync("looped", Created.AddHours(2), Cancel);
        Assert.True(unwind.Detail.StartsWith("unwinding: the unwind was sent at 2025-01-01T02:00Z", StringComparison.Ordinal), unwind.Detail);
        Assert.Equal("unwound into cash at 2025-01-01T02:00Z", (await UntilUnwoundAsync(runtime, "looped")).Detail);
        Assert.Empty(await ledger.ListOpenChainStepsAsync("looped", Cancel));
        var unwound = await ledger.RebuildPositionsAsync("looped", Cancel);
        Assert.InRange(Held(unwound, ChainReader.AaveSupplied, "weETH"), -0.0001m, 0.0001m);
        Assert.InRange(Held(unwound, ChainReader.AaveBorrowed, ChainStepDesk.WrappedEth), -0.000001m, 0.000001m);
        // As for the simple hedge, what is left is the book's hedge of the gas the wallet's float paid: here a few steps
        // long, the executor's deployment being the largest of it.
        Assert.All(unwound.Perps, p => Assert.InRange(p.Size, 0m, 0.01m));
        // Back in the wallet: the capital less the loop's exit (about 10 ETH of weETH sold), two swaps, the perps' and
        // the withdrawals' fees.
        Assert.InRange(Held(unwound, ChainReader.Wallet, "USDT"), capital * 0.95m, capital);
        var after = await runtime.ReconcileAsync("looped", Cancel);
        Assert.True(after.Detail.StartsWith("reconciled: the venues hold what the ledger says", StringComparison.Ordinal), after.Detail);
    }

    /// <summary>
    /// Mines the chain and runs the instance's cycle until its unwind is done: the venues send the withdrawals on chain and,
    /// once confirmed, a later cycle finds them in the wallet. Until then every cycle only waits (the book runs no
    /// further hour, so nothing more is traded). Returns the last cycle.
    /// </summary>
    private async Task<LiveCycleResult> UntilUnwoundAsync(LiveRuntime runtime, string instanceId)
    {
        LiveCycleResult? last = null;
        for (var attempt = 0; attempt < 100 && last?.Detail.StartsWith("unwound into cash", StringComparison.Ordinal) != true; attempt++)
        {
            await Task.Delay(100, Cancel);
            await fixture.Chain.CallAsync("anvil_mine", [$"0x{Confirmations:x}"], Cancel);
            last = await runtime.RunCycleAsync(instanceId, Created.AddHours(3), Cancel);
            Assert.True(last.Detail.StartsWith("waiting: ", StringComparison.Ordinal) || last.Detail.StartsWith("unwound into cash", StringComparison.Ordinal), last.Detail);
        }

        return last!;
    }

    /// <summary>
    /// The exchange simulator's three venues, with no USDT of their own, watching this chain for deposits and sending
    /// withdrawals to the host's wallet (account 1) from a hot wallet (account 2) that holds USDT to send them.
    /// </summary>
    private async Task<SimulatedVenues> StartVenuesAsync()
    {
        using var hotWallet = fixture.Client(2);
        await hotWallet.SendAsync(fixture.Market.Usdt, new MintFunction { Account = hotWallet.Account.Address, Value = 50_000 * BigInteger.Pow(10, 6) }, Cancel);
        using var host = fixture.Client(1);
        return await SimulatedVenues.StartAsync(Repository.Path(string.Empty), Cancel, new SimulatorChain
        {
            RpcUrl = fixture.Chain.RpcUrl,
            Tokens = new Dictionary<string, string> { ["USDT"] = fixture.Market.Usdt },
            Confirmations = Confirmations,
            HotWalletPrivateKey = fixture.Chain.PrivateKey(2),
            // The venues' USDT withdrawal fee of configs/venues, which the desk moves out of the trading account with each.
            WithdrawalFees = new Dictionary<string, decimal> { ["USDT"] = 1m },
            PollInterval = TimeSpan.FromMilliseconds(50),
        }, startingUsdt: 0m, withdrawTo: host.Account.Address);
    }

    /// <summary>
    /// The chain confirms the entry's deposits and the venues credit them; the next hour's cycle moves them into the
    /// trading accounts and sends the orders that waited for them: nothing is left on its way.
    /// </summary>
    private async Task ConfirmDepositsThenRunNextHourAsync(LiveRuntime runtime, PostgresLiveLedger ledger, FakeTimeProvider clock, string instanceId, int deposits)
    {
        await fixture.Chain.CallAsync("anvil_mine", [$"0x{Confirmations:x}"], Cancel);
        await UntilCreditedAsync(deposits);
        clock.Advance(TimeSpan.FromHours(1));
        await runtime.BeatAsync(Cancel);
        var next = await runtime.RunCycleAsync(instanceId, Created.AddHours(1), Cancel);
        Assert.True(next.Ran, next.Detail);
        Assert.Empty(await ledger.ListOpenChainStepsAsync(instanceId, Cancel));
        Assert.Empty(await ledger.ListOpenOrdersAsync(instanceId, Cancel));
    }

    private async Task UntilCreditedAsync(int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var credited = 0;
            foreach (var client in _venues!.Clients.Values)
            {
                credited += (await client.GetDepositsAsync("USDT", Created.AddHours(-1), Cancel)).Count(d => d.Status == DepositStatus.Credited);
            }

            if (credited == count)
            {
                return;
            }

            await Task.Delay(50, Cancel);
        }

        throw new TimeoutException("the venues did not credit the deposits in 10 s");
    }

    /// <summary>
    /// The runtime as a host builds it, on the simulated venues' clients: the chain account from the environment (the test
    /// chain's node, key and contracts file), the credentials the execution gate asks for.
    /// </summary>
    private LiveRuntime Runtime(TimeProvider time, bool etherFi = false)
    {
        var configs = Repository.Path("configs");
        var environment = new Dictionary<string, string>
        {
            ["BASIS_ENVIRONMENT"] = "dev",
            ["BASIS_DEV__ALCHEMY__RPC_URL"] = fixture.Chain.RpcUrl,
            ["BASIS_DEV__ALCHEMY__CHAIN_ID"] = AnvilChain.ChainId.ToString(CultureInfo.InvariantCulture),
            ["BASIS_DEV__ALCHEMY__PRIVATE_KEY"] = fixture.Chain.PrivateKey(1),
            [EnvironmentChain.ContractsVariable] = fixture.WriteContractsFile(_temp.FullName, etherFi),
            ["BASIS_DEV__CEX__BINANCE_SPOT_API_KEY"] = "k", ["BASIS_DEV__CEX__BINANCE_SPOT_API_SECRET"] = "s",
            ["BASIS_DEV__CEX__BINANCE_FUTURES_API_KEY"] = "k", ["BASIS_DEV__CEX__BINANCE_FUTURES_API_SECRET"] = "s",
            ["BASIS_DEV__CEX__BYBIT_API_KEY"] = "k", ["BASIS_DEV__CEX__BYBIT_API_SECRET"] = "s",
            ["BASIS_DEV__CEX__OKX_API_KEY"] = "k", ["BASIS_DEV__CEX__OKX_API_SECRET"] = "s", ["BASIS_DEV__CEX__OKX_API_PASSPHRASE"] = "p",
        };
        _chain = new EnvironmentChain(name => environment.GetValueOrDefault(name), configs);
        var exchanges = new SimulatorClients(_venues!);
        var real = new RealExecution(exchanges, OrderRules.Load(configs), name => environment.GetValueOrDefault(name), _chain);
        var reconciliation = new LiveReconciliation(new Reconciler(ReconcileTolerances.Load(configs)), new EnvironmentVenueReaders(exchanges, _chain));
        return new LiveRuntime(_source!, SampleWorkspace.Create(), Real, time, reconciliation, real);
    }

    private sealed class SimulatorClients(SimulatedVenues venues) : IExchangeClients
    {
        public IPerpExchange ClientOf(ExchangeVenue venue) => venues.Clients[venue];
    }
}
