using System.Globalization;
using System.Numerics;
using Basis.Live.Execution;
using Basis.Live.Ledger;
using Basis.Live.Reconciliation;
using Basis.Live.Safety;
using Basis.Live.Tests.Reconciliation;
using Basis.Orchestrations.Live;
using Basis.Orchestrations.Tests.Support;
using Basis.Testing;
using Basis.Venues.Ethereum;
using Basis.Venues.Ethereum.Aave;
using Basis.Venues.Tests.Ethereum.Fixtures;

namespace Basis.Orchestrations.Tests.Live;

/// <summary>
/// A real pure_lending_usdt instance end to end: its cycle in <see cref="LiveRuntime"/> decides as its backtest does,
/// supplies its capital to the real AAVE v3 on anvil from the host's account, records the transaction and what it moved
/// in a real PostgreSQL ledger, and reconciles clean against the chain; a crash between the hour and the send loses
/// nothing and sends nothing twice. A pure_lending_eth instance (its ETH wrapped and lent as WETH) and an
/// eth_staking_only one (its ETH staked with EtherFi's stand-in for weETH, sold back on Uniswap at the operator's
/// emergency stop) run end to end the same way.
/// </summary>
public sealed class LiveRealChainTests(AaveChainFixture fixture, PostgresServer server) : IClassFixture<AaveChainFixture>, IClassFixture<PostgresServer>, IAsyncLifetime
{
    private static readonly DateTimeOffset Created = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly LiveTradingSettings Real = LiveTradingSettings.Default with { Enabled = true, ReadOnly = false, MaxTradeSizeUsd = 1_000_000m };
    private LiveLedgerSource? _source;
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("basis-live-chain-");
    private EthereumClient? _client;
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
        _client?.Dispose();
        _chain?.Dispose();
        _temp.Delete(recursive: true);
        if (_source is not null)
        {
            await _source.DisposeAsync();
        }

        if (_snapshot is not null)
        {
            await fixture.Chain.RevertAsync(_snapshot, Cancel);
        }
    }

    [Fact]
    public async Task A_real_lending_instance_supplies_its_capital_on_chain_once_and_reconciles_clean()
    {
        var market = fixture.Market;
        _client = fixture.Client(1);
        var ledger = await _source!.OpenAsync(Cancel);
        await ledger.SaveInstanceAsync(new LiveInstance("lend", "lend", "pure_lending_usdt", "usdt", 10_000m, ["ethereum"], "{}", ExecutionKind.Real, LiveInstanceStatus.Active, Created, Created), Cancel);

        // The operator funds the account with the instance's capital, and the ledger records it as the opening funding
        // (in at the instance's creation: its capital, not a deposit).
        await _client.SendAsync(market.Usdt, new MintFunction { Account = _client.Account.Address, Value = 10_000 * BigInteger.Pow(10, 6) }, Cancel);
        await ledger.AppendTransferAsync(new LedgerTransfer("lend", "funding", "USDT", 10_000m, 0m, null, ChainReader.Wallet, Created), Cancel);
        var runtime = Runtime();
        await runtime.BeatAsync(Cancel);

        // The entry hour's supply is written ahead with the hour, then sent and mined.
        var first = await runtime.RunCycleAsync("lend", Created.AddHours(2), Cancel);
        Assert.True(first.Ran, first.Detail);
        Assert.Equal(3, first.Hours);
        Assert.Empty(await ledger.ListOpenChainStepsAsync("lend", Cancel));

        // ... and the next cycles find nothing more to do: the capital is lent, idle USDT stays under its threshold.
        var later = await runtime.RunCycleAsync("lend", Created.AddHours(6), Cancel);
        Assert.Equal(4, later.Hours);

        var pool = new AavePool(_client, market.Pool);
        var aUsdt = await new Erc20Token(_client, (await pool.GetReserveDataAsync(market.Usdt)).ATokenAddress).BalanceOfAsync();
        Assert.Equal(10_000 * BigInteger.Pow(10, 6), aUsdt);
        var decisions = await ledger.ListDecisionsAsync("lend", Created, Cancel);
        Assert.Equal("entry_full", Assert.Single(decisions).Action);

        // The ledger's wallet is empty and AAVE holds the 10,000 USDT it supplied: the one holding, matched.
        var reconciled = await runtime.ReconcileAsync("lend", Cancel);
        Assert.True(reconciled.Ran);
        Assert.Equal("reconciled: the venues hold what the ledger says (2 holding(s) within tolerance)", reconciled.Detail);
    }

    [Fact]
    public async Task A_real_eth_lending_instance_wraps_its_eth_supplies_it_as_weth_and_reconciles_clean_gas_included()
    {
        var market = fixture.Market;
        _client = fixture.Client(1);
        var ledger = await _source!.OpenAsync(Cancel);
        await ledger.SaveInstanceAsync(new LiveInstance("lend-eth", "lend-eth", "pure_lending_eth", "eth", 5m, ["ethereum"], "{}", ExecutionKind.Real, LiveInstanceStatus.Active, Created, Created), Cancel);

        // The account holds anvil's 10,000 ETH: 5 are the instance's capital, the rest the operator's float for gas.
        await ledger.AppendTransferAsync(new LedgerTransfer("lend-eth", "funding", "ETH", 5m, 0m, null, ChainReader.Wallet, Created), Cancel);
        var runtime = Runtime();
        await runtime.BeatAsync(Cancel);

        var first = await runtime.RunCycleAsync("lend-eth", Created.AddHours(2), Cancel);

        // The entry lends the capital less the book's gas for the supply: wrapped, then supplied, each mined once.
        Assert.True(first.Ran, first.Detail);
        Assert.Empty(await ledger.ListOpenChainStepsAsync("lend-eth", Cancel));
        var positions = await ledger.RebuildPositionsAsync("lend-eth", Cancel);
        var lent = positions.Balances.Single(b => b is { Location: ChainReader.AaveSupplied, Asset: "WETH" }).Amount;
        Assert.InRange(lent, 4.99m, 5m);
        Assert.Equal(0m, positions.Balances.Single(b => b is { Location: ChainReader.Wallet, Asset: "WETH" }).Amount);
        var aWeth = await new Erc20Token(_client, (await new AavePool(_client, market.Pool).GetReserveDataAsync(market.Weth)).ATokenAddress).BalanceOfAsync();
        Assert.InRange(RayMath.Scale(aWeth, 18), lent, lent * 1.0001m);

        // The wallet's ETH in the ledger is the capital less what was lent and the gas the receipts charged.
        var gas = 5m - lent - positions.Balances.Single(b => b is { Location: ChainReader.Wallet, Asset: "ETH" }).Amount;
        Assert.InRange(gas, 0.000001m, 0.01m);
        var reconciled = await runtime.ReconcileAsync("lend-eth", Cancel);
        Assert.True(reconciled.Ran, reconciled.Detail);
        Assert.StartsWith("reconciled: the venues hold what the ledger says", reconciled.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_staking_instance_stakes_its_eth_with_etherfi_for_weeth_reconciles_clean_and_an_emergency_stop_sells_it_back_to_eth()
    {
        var lsts = fixture.Lsts;
        await fixture.SetEtherFiRateAsync(AaveChainFixture.SampleWeEthRate, Cancel);
        _client = fixture.Client(1);
        var ledger = await _source!.OpenAsync(Cancel);
        await ledger.SaveInstanceAsync(new LiveInstance("stake", "stake", "eth_staking_only", "eth", 5m, ["ethereum"], "{}", ExecutionKind.Real, LiveInstanceStatus.Active, Created, Created), Cancel);
        await ledger.AppendTransferAsync(new LedgerTransfer("stake", "funding", "ETH", 5m, 0m, null, ChainReader.Wallet, Created), Cancel);
        var runtime = Runtime(etherFi: true);
        await runtime.BeatAsync(Cancel);

        var first = await runtime.RunCycleAsync("stake", Created.AddHours(2), Cancel);

        // The entry stakes the capital (less the book's gas): deposited for eETH, wrapped into weETH, each mined once.
        Assert.True(first.Ran, first.Detail);
        Assert.Empty(await ledger.ListOpenChainStepsAsync("stake", Cancel));
        var positions = await ledger.RebuildPositionsAsync("stake", Cancel);
        decimal Held(string asset) => positions.Balances.SingleOrDefault(b => b.Location == ChainReader.Wallet && b.Asset == asset)?.Amount ?? 0m;
        var staked = 5m - Held(ChainReader.NativeEth);
        var weEth = Held(LiquidStaking.EtherFi.Wrapped);
        Assert.InRange(staked, 4.99m, 5m);
        // At the pool's rate of 1.0565 ETH per weETH, gas aside (the ledger's ETH paid it too).
        Assert.InRange(weEth * 1.0565m, staked - 0.01m, staked);
        var onChain = RayMath.Scale(await new Erc20Token(_client, lsts.WeEth).BalanceOfAsync(), 18);
        Assert.Equal(weEth, onChain);

        var reconciled = await runtime.ReconcileAsync("stake", Cancel);
        Assert.True(reconciled.Ran, reconciled.Detail);
        Assert.StartsWith("reconciled: the venues hold what the ledger says", reconciled.Detail, StringComparison.Ordinal);

        // The operator's emergency stop (as LiveService records it): the next hour sells the weETH on Uniswap (a pool at
        // EtherFi's rate) and unwraps the WETH it gave; the instance holds ETH only, as the chain does.
        await fixture.AddWeEthPoolAsync(Cancel);
        await OperatorActions.EmergencyStopAsync(ledger, "stake", DateTimeOffset.UtcNow, Cancel);
        var unwind = await runtime.RunCycleAsync("stake", Created.AddHours(4), Cancel);

        Assert.True(unwind.Ran, unwind.Detail);
        Assert.Empty(await ledger.ListOpenChainStepsAsync("stake", Cancel));
        var unwound = await ledger.RebuildPositionsAsync("stake", Cancel);
        decimal Left(string asset) => unwound.Balances.SingleOrDefault(b => b.Location == ChainReader.Wallet && b.Asset == asset)?.Amount ?? 0m;
        // Steps carry token amounts to 8 places, never rounded up: the sale leaves under 1e-8 weETH.
        Assert.InRange(Left(LiquidStaking.EtherFi.Wrapped), 0m, 0.00000001m);
        Assert.Equal(0m, Left(ChainStepDesk.WrappedEth));
        // The ETH back: what was staked, less the pool's 0.05 % fee, its slippage and the gas.
        Assert.InRange(Left(ChainReader.NativeEth), 5m * 0.99m, 5m);
        var after = await runtime.ReconcileAsync("stake", Cancel);
        Assert.StartsWith("reconciled: the venues hold what the ledger says", after.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_leveraged_instance_levers_in_one_executor_transaction_reconciles_its_debt_clean_and_an_emergency_stop_unwinds_it_to_eth()
    {
        // The loop's market: EtherFi at the sample's rate, its weETH listed on AAVE in the ETH eMode at that rate, WETH
        // to borrow, and a weETH/WETH pool deep enough to sell the whole loop within the 1 % swap tolerance.
        await fixture.SetEtherFiRateAsync(AaveChainFixture.SampleWeEthRate, Cancel);
        await fixture.AddLoopMarketAsync(Cancel);
        await fixture.AddWeEthPoolAsync(Cancel, depthEth: 3_000);
        _client = fixture.Client(1);
        var ledger = await _source!.OpenAsync(Cancel);
        await ledger.SaveInstanceAsync(new LiveInstance("loop", "loop", "eth_leveraged", "eth", 1m, ["ethereum"], "{}", ExecutionKind.Real, LiveInstanceStatus.Active, Created, Created), Cancel);
        await ledger.AppendTransferAsync(new LedgerTransfer("loop", "funding", "ETH", 1m, 0m, null, ChainReader.Wallet, Created), Cancel);
        var runtime = Runtime(etherFi: true);
        await runtime.BeatAsync(Cancel);

        var entry = await runtime.RunCycleAsync("loop", Created.AddHours(2), Cancel);

        // The entry: the equity wrapped, then one plan through the instance's executor (deployed, granted and the account
        // put in eMode first), which flash-borrowed, staked, supplied and borrowed in one transaction.
        Assert.True(entry.Ran, entry.Detail);
        Assert.Empty(await ledger.ListOpenChainStepsAsync("loop", Cancel));
        var deployed = await ledger.LatestTransactionAsync("loop", ChainStepDesk.ExecutorDeployment, TransactionStatus.Confirmed, Cancel);
        Assert.NotNull(deployed);
        var lever = await ledger.LatestTransactionAsync("loop", "loop_lever", TransactionStatus.Confirmed, Cancel);
        Assert.NotNull(lever);
        var pool = new AavePool(_client, fixture.Market.Pool);
        Assert.Equal(AaveMarket.EthCorrelatedEMode, await pool.GetUserEModeAsync());

        var positions = await ledger.RebuildPositionsAsync("loop", Cancel);
        decimal Held(LedgerPositions p, string location, string asset) => p.Balances.SingleOrDefault(b => b.Location == location && b.Asset == asset)?.Amount ?? 0m;
        var collateral = Held(positions, ChainReader.AaveSupplied, LiquidStaking.EtherFi.Wrapped);
        var debt = -Held(positions, ChainReader.AaveBorrowed, ChainStepDesk.WrappedEth);
        // At eth_leveraged's target LTV λ = 0.909 on about 1 ETH of equity: collateral E/(1 − λ) ≈ 11 ETH, debt ≈ 10 ETH.
        var ltv = debt / (collateral * 1.0565m);
        Assert.InRange(ltv, 0.90m, 0.915m);
        Assert.InRange(collateral * 1.0565m - debt, 0.95m, 1.0m);
        Assert.Equal(0m, Held(positions, ChainReader.Wallet, ChainStepDesk.WrappedEth));
        // The chain agrees, and AAVE's own health factor is the eMode's: 0.95 × collateral / debt.
        var account = await pool.GetUserAccountDataAsync();
        Assert.InRange(account.HealthFactor!.Value, 0.95m / 0.915m, 0.95m / 0.90m);
        var reconciled = await runtime.ReconcileAsync("loop", Cancel);
        Assert.True(reconciled.Ran, reconciled.Detail);
        Assert.StartsWith("reconciled: the venues hold what the ledger says", reconciled.Detail, StringComparison.Ordinal);

        // The operator's emergency stop: the next hour unwinds the loop in one transaction (the whole debt repaid by flash
        // loan, all the weETH sold on Uniswap) and unwraps what it left: the instance holds ETH only, as the chain does.
        await OperatorActions.EmergencyStopAsync(ledger, "loop", DateTimeOffset.UtcNow, Cancel);
        var unwind = await runtime.RunCycleAsync("loop", Created.AddHours(4), Cancel);

        Assert.True(unwind.Ran, unwind.Detail);
        Assert.Empty(await ledger.ListOpenChainStepsAsync("loop", Cancel));
        Assert.NotNull(await ledger.LatestTransactionAsync("loop", "loop_unwind", TransactionStatus.Confirmed, Cancel));
        Assert.Equal(0m, (await pool.GetUserAccountDataAsync()).TotalDebtBase);
        var unwound = await ledger.RebuildPositionsAsync("loop", Cancel);
        // The whole debt repaid, its interest booked as it accrued.
        Assert.InRange(Held(unwound, ChainReader.AaveBorrowed, ChainStepDesk.WrappedEth), -0.000001m, 0.000001m);
        Assert.InRange(Held(unwound, ChainReader.AaveSupplied, LiquidStaking.EtherFi.Wrapped), -0.0001m, 0m);
        Assert.Equal(0m, Held(unwound, ChainReader.Wallet, ChainStepDesk.WrappedEth));
        // The ETH back: the equity, less the exit's pool fee and slippage on 11 ETH of weETH, the premiums and the gas.
        Assert.InRange(Held(unwound, ChainReader.Wallet, ChainReader.NativeEth), 0.9m, 1m);
        var after = await runtime.ReconcileAsync("loop", Cancel);
        Assert.StartsWith("reconciled: the venues hold what the ledger says", after.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_whose_chain_account_cannot_be_opened_holds_the_instance_with_an_alert_naming_the_setting()
    {
        var ledger = await _source!.OpenAsync(Cancel);
        await ledger.SaveInstanceAsync(new LiveInstance("held", "held", "pure_lending_usdt", "usdt", 10_000m, ["ethereum"], "{}", ExecutionKind.Real, LiveInstanceStatus.Active, Created, Created), Cancel);
        var runtime = Runtime(without: "BASIS_DEV__ALCHEMY__RPC_URL");
        await runtime.BeatAsync(Cancel);

        var cycle = await runtime.RunCycleAsync("held", Created.AddHours(2), Cancel);

        const string Why = "BASIS_DEV__ALCHEMY__RPC_URL is not set: this host has no account on the chain";
        Assert.False(cycle.Ran);
        Assert.Equal($"the host's account on the chain cannot be opened, so the instance is held: {Why}", cycle.Detail);
        Assert.Equal(LiveInstanceStatus.Active, (await ledger.GetInstanceAsync("held", Cancel))!.Status);
        Assert.Empty(await ledger.ListDecisionsAsync("held", Created, Cancel));

        // Its reconciliation finds the chain unreadable for the same reason, and the circuit breaker halts it.
        var reconciled = await runtime.ReconcileAsync("held", Cancel);
        Assert.Contains(Why, reconciled.Detail, StringComparison.Ordinal);
        Assert.Equal(LiveInstanceStatus.Halted, (await ledger.GetInstanceAsync("held", Cancel))!.Status);
    }

    /// <summary>
    /// The runtime as a host builds it (BasisApiServices): the chain account and its reading from the environment, here
    /// the test chain's node, key and a contracts file listing the deployed market.
    /// </summary>
    private LiveRuntime Runtime(string? without = null, bool etherFi = false)
    {
        var configs = Repository.Path("configs");
        var contracts = fixture.WriteContractsFile(_temp.FullName, etherFi);
        var environment = new Dictionary<string, string>
        {
            ["BASIS_ENVIRONMENT"] = "dev",
            ["BASIS_DEV__ALCHEMY__RPC_URL"] = fixture.Chain.RpcUrl,
            ["BASIS_DEV__ALCHEMY__CHAIN_ID"] = AnvilChain.ChainId.ToString(CultureInfo.InvariantCulture),
            ["BASIS_DEV__ALCHEMY__PRIVATE_KEY"] = fixture.Chain.PrivateKey(1),
            [EnvironmentChain.ContractsVariable] = contracts,
        };
        if (without is not null)
        {
            environment.Remove(without);
        }

        _chain = new EnvironmentChain(name => environment.GetValueOrDefault(name), configs);
        var exchanges = new EnvironmentExchangeClients(_ => null, new HttpClient(), TimeProvider.System);
        var real = new RealExecution(exchanges, OrderRules.Load(configs), name => environment.GetValueOrDefault(name), _chain);
        var reconciliation = new LiveReconciliation(new Reconciler(ReconcileTolerances.Load(configs)), new EnvironmentVenueReaders(exchanges, _chain));
        return new LiveRuntime(_source!, SampleWorkspace.Create(), Real, TimeProvider.System, reconciliation, real);
    }
}
