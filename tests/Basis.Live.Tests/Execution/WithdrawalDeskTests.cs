using System.Numerics;
using Basis.ExchangeSimulator.Chain;
using Basis.Live.Execution;
using Basis.Live.Ledger;
using Basis.Live.Reconciliation;
using Basis.Live.Tests.Reconciliation;
using Basis.Testing;
using Basis.Venues.Ethereum;
using Basis.Venues.Ethereum.Aave;
using Basis.Venues.Exchanges;
using Basis.Venues.Tests.Ethereum.Fixtures;
using Npgsql;
using static Basis.Live.Tests.Ledger.LedgerSamples;

namespace Basis.Live.Tests.Execution;

/// <summary>
/// The withdrawal desk against OKX on the exchange simulator, which sends withdrawals on anvil from its hot wallet, with
/// the ledger in a real PostgreSQL: a withdrawal leaves the trading account with its fee, is in transit while the venue
/// sends it, then is in the wallet, reconciling clean at each stage; one a crash left asked is never asked again.
/// </summary>
public sealed class WithdrawalDeskTests(AaveChainFixture fixture, PostgresServer server) : IClassFixture<AaveChainFixture>, IAsyncLifetime
{
    // OKX's USDT withdrawal fee in configs/venues/okx.yaml, which the simulator charges too.
    private const decimal Fee = 1m;
    private const int Confirmations = 2;
    private static readonly Reconciler Reconciler = new(ReconcileTolerances.Load(Repository.ConfigsDirectory));
    private string? _snapshot;
    private NpgsqlDataSource _dataSource = null!;
    private PostgresLiveLedger _ledger = null!;
    private EthereumClient _wallet = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _snapshot = fixture.Chain.IsAvailable ? await fixture.Chain.SnapshotAsync(Cancel) : null;
        _dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        _ledger = await PostgresLiveLedger.OpenAsync(_dataSource, Cancel);
        await _ledger.SaveInstanceAsync(Instance() with { Venues = ["ethereum", "okx"] }, Cancel);
        _wallet = fixture.Client(1);
    }

    public async ValueTask DisposeAsync()
    {
        _wallet.Dispose();
        await _dataSource.DisposeAsync();
        if (_snapshot is not null)
        {
            await fixture.Chain.RevertAsync(_snapshot, Cancel);
        }
    }

    [Fact]
    public async Task A_withdrawal_leaves_the_venue_with_its_fee_is_in_transit_then_arrives_in_the_wallet()
    {
        // OKX holds the instance's 10,000 USDT; the venues' hot wallet holds USDT to send withdrawals from.
        var market = fixture.Market;
        await using var venues = await StartVenuesAsync(10_000m);
        var okx = venues.Clients[ExchangeVenue.Okx];
        await _ledger.AppendTransferAsync(new LedgerTransfer(InstanceId, "funding", "USDT", 10_000m, 0m, null, "okx", Start), Cancel);
        await WriteAheadAsync(Withdrawal("out", 2_500m));
        var desk = Desk(venues);

        // Asked: 2,501 left the trading account (amount and fee) and travel together: the fee is spent when they arrive.
        var asked = await desk.SendAsync(InstanceId, Cancel);
        var step = Assert.Single(await _ledger.ListOpenChainStepsAsync(InstanceId, Cancel));
        Assert.Equal((1, 0, null), (asked.Sent, asked.Settled, asked.Failure));
        Assert.Equal($"the withdrawal ExchangeWithdrawal of 2500 USDT from okx (out) (id {step.VenueRef}) is on its way to the wallet", asked.Waiting);
        Assert.Equal(ChainStepStatus.Arriving, step.Status);
        var inFlight = await ReconcileAsync(okx);
        Assert.True(inFlight.IsClean, string.Join("; ", inFlight.Lines));
        Assert.Equal(7_499m, inFlight.Lines.Single(l => l is { Location: "okx", Item: "USDT" }).Actual);
        Assert.Equal(2_501m, inFlight.Lines.Single(l => l.Location == "in_transit/wallet").Expected);

        // Sent on chain and confirmed: the next send finds it complete and in the wallet.
        await UntilAsync(async () => (await okx.GetWithdrawalAsync(step.VenueRef!, Cancel)).Status == WithdrawalStatus.Sent);
        await fixture.Chain.CallAsync("anvil_mine", [$"0x{Confirmations:x}"], Cancel);
        await UntilAsync(async () => (await okx.GetWithdrawalAsync(step.VenueRef!, Cancel)).Status == WithdrawalStatus.Completed);
        var arrived = await desk.SendAsync(InstanceId, Cancel);

        Assert.Equal(new SendOutcome(0, 1, null), arrived);
        Assert.Empty(await _ledger.ListOpenChainStepsAsync(InstanceId, Cancel));
        Assert.Equal(2_500 * BigInteger.Pow(10, 6), await new Erc20Token(_wallet, market.Usdt).BalanceOfAsync());
        var positions = await _ledger.RebuildPositionsAsync(InstanceId, Cancel);
        Assert.Equal(
            [("in_transit/wallet", 0m), ("okx", 7_499m), (ChainReader.Wallet, 2_500m)],
            positions.Balances.Where(b => b.Asset == "USDT").Select(b => (b.Location, b.Amount)));
        var done = await ReconcileAsync(okx);
        Assert.True(done.IsClean, string.Join("; ", done.Lines));
    }

    [Fact]
    public async Task A_withdrawal_the_venue_fails_is_booked_back_at_the_venue_which_reconciliation_checks_it_returned()
    {
        // Binance holds 10,000 USDT; its hot wallet holds none, so the withdrawal's transfer on chain fails and the venue
        // puts amount and fee back in its spot account (which reconciliation reads, with futures).
        await using var venues = await StartVenuesAsync(10_000m, hotWalletUsdt: 0);
        var binance = venues.Clients[ExchangeVenue.Binance];
        await _ledger.AppendTransferAsync(new LedgerTransfer(InstanceId, "funding", "USDT", 10_000m, 0m, null, "binance", Start), Cancel);
        await WriteAheadAsync(Withdrawal("out", 2_500m) with { Venue = "binance" });
        var desk = Desk(venues);

        var failed = await desk.SendAsync(InstanceId, Cancel);
        var step = Assert.Single((await _ledger.ListChainStepsAsync(InstanceId, new LedgerPageRequest(10), Cancel)).Items);
        if (failed.Failure is null)
        {
            // The venue had not failed it yet when the desk first looked it up: a later send finds it failed.
            await UntilAsync(async () => (await binance.GetWithdrawalAsync(step.VenueRef!, Cancel)).Status == WithdrawalStatus.Failed);
            failed = await desk.SendAsync(InstanceId, Cancel);
        }

        Assert.Equal(
            $"the withdrawal ExchangeWithdrawal of 2500 USDT from binance (out) (id {step.VenueRef}) failed at binance: its 2501 USDT (amount and fee) are booked back at binance, whose reconciliation checks they were returned; it waits in the venue's withdrawal account for an operator",
            failed.Failure);
        Assert.Empty(await _ledger.ListOpenChainStepsAsync(InstanceId, Cancel));
        var positions = await _ledger.RebuildPositionsAsync(InstanceId, Cancel);
        Assert.Equal([("binance", 10_000m), ("in_transit/wallet", 0m)], positions.Balances.Where(b => b.Asset == "USDT").Select(b => (b.Location, b.Amount)));
        var report = await ReconcileAsync(binance);
        Assert.True(report.IsClean, string.Join("; ", report.Lines));
    }

    [Theory]
    [InlineData(ChainStepStatus.Moving, "being moved into okx's withdrawal account")]
    [InlineData(ChainStepStatus.Pending, "being asked of okx")]
    public async Task A_withdrawal_a_crash_left_half_asked_is_never_asked_again_and_stops_the_send_for_an_operator(ChainStepStatus status, string asked)
    {
        await WriteAheadAsync(Withdrawal("crash", 100m) with { Status = status });

        var sent = await Desk(venues: null).SendAsync(InstanceId, Cancel);

        Assert.Equal(
            $"the withdrawal ExchangeWithdrawal of 100 USDT from okx (crash) was {asked} when the host stopped, so whether that happened is unknown: check the venue's transfer and withdrawal history and finish the step by hand",
            sent.Failure);
        Assert.Equal(status, Assert.Single(await _ledger.ListOpenChainStepsAsync(InstanceId, Cancel)).Status);
    }

    [Theory]
    [InlineData(2_480, 2_479)]
    [InlineData(2_300, null)]
    public async Task A_withdrawal_the_venue_falls_short_of_takes_what_is_there_within_the_tolerance_of_the_capital(int held, int? withdrawn)
    {
        // The book withdraws 2,500 USDT (and OKX's 1 USDT fee) from OKX, where the ledger holds less: the venue's fees and
        // fills were not the book's. With 1 % of the 10,000 USDT capital tolerated, 21 short withdraws the 2,479 there
        // after the fee; 201 short is refused before OKX is asked.
        await using var venues = await StartVenuesAsync(held);
        await _ledger.AppendTransferAsync(new LedgerTransfer(InstanceId, "funding", "USDT", held, 0m, null, "okx", Start), Cancel);
        await WriteAheadAsync(Withdrawal("out", 2_500m));

        var sent = await Desk(venues, shortfallTolerance: 0.01m).SendAsync(InstanceId, Cancel);

        var step = Assert.Single(await _ledger.ListOpenChainStepsAsync(InstanceId, Cancel));
        if (withdrawn is { } amount)
        {
            Assert.Equal((1, null), (sent.Sent, sent.Failure));
            Assert.Equal((ChainStepStatus.Arriving, amount), (step.Status, step.Amount));
            Assert.Equal(amount, (await venues.Clients[ExchangeVenue.Okx].GetWithdrawalAsync(step.VenueRef!, Cancel)).Amount);
        }
        else
        {
            Assert.Equal(
                "the withdrawal ExchangeWithdrawal of 2500 USDT from okx (out) cannot start: the ledger's okx holds 2300 USDT, 201 short of it, more than the 100.00 USDT a step may be short (1.00 % of the instance's capital in its share class's unit)",
                sent.Failure);
            Assert.Equal(ChainStepStatus.Planned, step.Status);
        }
    }

    /// <summary>
    /// The simulated venues, each holding <paramref name="usdt"/>, sending withdrawals to the test's wallet from a hot wallet
    /// on this chain holding <paramref name="hotWalletUsdt"/>.
    /// </summary>
    private async Task<SimulatedVenues> StartVenuesAsync(decimal usdt, int hotWalletUsdt = 10_000)
    {
        using var hotWallet = fixture.Client(2);
        if (hotWalletUsdt > 0)
        {
            await hotWallet.SendAsync(fixture.Market.Usdt, new MintFunction { Account = hotWallet.Account.Address, Value = hotWalletUsdt * BigInteger.Pow(10, 6) }, Cancel);
        }

        return await SimulatedVenues.StartAsync(Repository.Root, Cancel, new SimulatorChain
        {
            RpcUrl = fixture.Chain.RpcUrl,
            Tokens = new Dictionary<string, string> { ["USDT"] = fixture.Market.Usdt },
            Confirmations = Confirmations,
            HotWalletPrivateKey = fixture.Chain.PrivateKey(2),
            WithdrawalFees = new Dictionary<string, decimal> { ["USDT"] = Fee },
            PollInterval = TimeSpan.FromMilliseconds(50),
        }, startingUsdt: usdt, withdrawTo: _wallet.Account.Address);
    }

    private WithdrawalDesk Desk(SimulatedVenues? venues, decimal shortfallTolerance = 0m) =>
        new(_ledger, new VenueClients(venues), _wallet.Account.Address, (_, _) => Fee, TimeProvider.System) { ShortfallTolerance = shortfallTolerance };

    private async Task<ReconciliationReport> ReconcileAsync(IPerpExchange exchange)
    {
        var pool = new AavePool(_wallet, fixture.Market.Pool);
        var tokens = fixture.Market.Reserves.Select(r => new ChainToken(r.Key, r.Value.Asset, r.Value.Decimals)).ToList();
        return await Reconciler.ReconcileAsync(await _ledger.RebuildPositionsAsync(InstanceId, Cancel), [new ChainReader(_wallet, tokens, pool, tokens), new ExchangeReader(exchange)], Cancel);
    }

    private static LedgerChainStep Withdrawal(string id, decimal amount) =>
        new(InstanceId, id, ChainStepKind.ExchangeWithdrawal, "USDT", amount, ChainStepStatus.Planned, null, null, null, "test", Start, Start) { Venue = "okx" };

    private Task WriteAheadAsync(params LedgerChainStep[] steps) =>
        _ledger.RecordHourAsync([], [], new LedgerEquity(InstanceId, Start, 10_000m, "{}"), chainStepsAhead: steps, cancellationToken: Cancel);

    private static async Task UntilAsync(Func<Task<bool>> done)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await done())
            {
                return;
            }

            await Task.Delay(50, Cancel);
        }

        throw new TimeoutException("the simulator did not get there in 10 s");
    }

    /// <summary>The simulated venues' clients, as a host's would be (none when the test starts no venue).</summary>
    private sealed class VenueClients(SimulatedVenues? venues) : IExchangeClients
    {
        public IPerpExchange ClientOf(ExchangeVenue venue) =>
            venues?.Clients[venue] ?? throw new InvalidOperationException("this test starts no exchange");
    }
}
