using System.Numerics;
using Basis.Live.Execution;
using Basis.Live.Ledger;
using Basis.Live.Reconciliation;
using Basis.Live.Tests.Reconciliation;
using Basis.Testing;
using Basis.Venues.Ethereum;
using Basis.Venues.Ethereum.Aave;
using Basis.Venues.Tests.Ethereum.Fixtures;
using Npgsql;
using static Basis.Live.Tests.Ledger.LedgerSamples;

namespace Basis.Live.Tests.Execution;

/// <summary>
/// The chain desk against the real AAVE v3 on anvil, with the ledger in a real PostgreSQL: a supply written ahead is
/// signed, recorded, sent and mined once, even when a crash cut the last send short before or after the node took it;
/// the transfer it records reconciles clean against the chain; a step that would revert is recorded failed with why.
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

    private AavePool Pool() => new(_client, Market.Pool);

    private ChainStepDesk Desk() => new(_ledger, _client, Pool(), Tokens, TimeProvider.System);

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
}
