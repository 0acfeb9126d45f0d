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
/// nothing and sends nothing twice.
/// </summary>
public sealed class LiveRealChainTests(AaveChainFixture fixture, PostgresServer server) : IClassFixture<AaveChainFixture>, IClassFixture<PostgresServer>, IAsyncLifetime
{
    private static readonly DateTimeOffset Created = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly LiveTradingSettings Real = LiveTradingSettings.Default with { Enabled = true, ReadOnly = false, MaxTradeSizeUsd = 1_000_000m };
    private LiveLedgerSource? _source;
    private EthereumClient? _client;
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
        var runtime = Runtime(market);
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
        Assert.Equal("reconciled: the venues hold what the ledger says (1 holding(s) within tolerance)", reconciled.Detail);
    }

    private LiveRuntime Runtime(AaveMarket market)
    {
        var configs = Repository.Path("configs");
        var workspace = SampleWorkspace.Create();
        List<ChainToken> tokens = [.. market.Reserves.Select(r => new ChainToken(r.Key, r.Value.Asset, r.Value.Decimals))];
        var pool = new AavePool(_client!, market.Pool);
        var environment = new Dictionary<string, string> { ["BASIS_ENVIRONMENT"] = "dev", ["BASIS_DEV__ALCHEMY__PRIVATE_KEY"] = fixture.Chain.PrivateKey(1) };
        var real = new RealExecution(new EnvironmentExchangeClients(_ => null, new HttpClient(), TimeProvider.System), OrderRules.Load(configs), name => environment.GetValueOrDefault(name), new ChainExecution(_client!, pool, tokens));
        var reconciliation = new LiveReconciliation(new Reconciler(ReconcileTolerances.Load(configs)), new ChainReaders(new ChainReader(_client!, tokens, pool, tokens)));
        return new LiveRuntime(_source!, workspace, Real, TimeProvider.System, reconciliation, real);
    }

    private sealed class ChainReaders(ChainReader reader) : IVenueReaders
    {
        public IReadOnlyDictionary<string, ILocationReader> ReadersOf(LiveInstance instance) => new Dictionary<string, ILocationReader> { [LiveVenueUse.Chain] = reader };
    }
}
