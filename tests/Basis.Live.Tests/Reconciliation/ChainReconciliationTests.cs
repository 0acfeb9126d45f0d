using System.Numerics;
using Basis.Live.Ledger;
using Basis.Live.Reconciliation;
using Basis.Venues.Ethereum;
using Basis.Venues.Ethereum.Aave;
using Basis.Venues.Tests.Ethereum.Fixtures;
using static Basis.Live.Reconciliation.ReconciliationStatus;

namespace Basis.Live.Tests.Reconciliation;

/// <summary>
/// The chain reading against the real AAVE v3 on anvil: the wallet's tokens and what it supplied and borrowed match
/// the ledger within tolerance as interest accrues, and a supply made behind the ledger's back is reported.
/// </summary>
public sealed class ChainReconciliationTests(AaveChainFixture fixture) : IClassFixture<AaveChainFixture>, IAsyncLifetime
{
    private static readonly Reconciler Reconciler = new(ReconcileTolerances.Load(Repository.ConfigsDirectory));
    private string? _snapshot;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _snapshot = fixture.Chain.IsAvailable ? await fixture.Chain.SnapshotAsync(Token) : null;

    public async ValueTask DisposeAsync()
    {
        if (_snapshot is not null)
        {
            await fixture.Chain.RevertAsync(_snapshot, Token);
        }
    }

    [Fact]
    public async Task Supplied_and_borrowed_match_the_ledger_as_interest_accrues_and_a_supply_behind_its_back_is_reported()
    {
        var market = fixture.Market;
        using var lender = fixture.Client(2);
        using var instance = fixture.Client(1);
        // Someone else's 100,000 USDT for the instance to borrow.
        await SupplyAsync(lender, market.Usdt, Units(100_000, 6));
        // The instance: 10 WETH ($20,000) supplied, 5,000 USDT borrowed against them into the wallet.
        await SupplyAsync(instance, market.Weth, Units(10, 18));
        await new AavePool(instance, market.Pool).BorrowAsync(market.Usdt, Units(5_000, 6), Token);
        var expected = new LedgerPositions([],
        [
            new TokenBalance(ChainReader.Wallet, "USDT", 5_000m),
            new TokenBalance(ChainReader.AaveSupplied, "WETH", 10m),
            new TokenBalance(ChainReader.AaveBorrowed, "USDT", -5_000m),
        ]);
        var reader = Reader(instance, market);

        // A month of interest on the debt: under the 0.5 % tolerance at this usage (5 % of the reserve).
        await fixture.Chain.IncreaseTimeAsync(TimeSpan.FromDays(30), Token);
        var month = await Reconciler.ReconcileAsync(expected, [reader], Token);

        Assert.True(month.IsClean, string.Join("; ", month.Lines));
        var debt = month.Lines.Single(l => l.Location == ChainReader.AaveBorrowed);
        Assert.True(debt.Actual < -5_000m, $"no interest accrued on the debt: {debt.Actual}");
        // The wallet's native ETH is read too: anvil's 10,000, less the gas so far, is the float the ledger (expecting
        // none) lets it hold.
        var eth = month.Lines.Single(l => l is { Location: ChainReader.Wallet, Item: ChainReader.NativeEth });
        Assert.InRange(eth.Actual!.Value, 9_999m, 10_000m);
        Assert.Equal(
            [(ChainReader.AaveSupplied, "WETH", 10m), (ChainReader.AaveBorrowed, "USDT", debt.Actual!.Value), (ChainReader.Wallet, "ETH", eth.Actual.Value), (ChainReader.Wallet, "USDT", 5_000m)],
            month.Lines.Select(l => (l.Location, l.Item, l.Actual!.Value)));

        // Behind the ledger's back: 2 more WETH supplied, and 1 weETH, which the ledger has never heard of.
        await SupplyAsync(instance, market.Weth, Units(2, 18));
        await SupplyAsync(instance, market.WeEth, Units(1, 18));
        var drifted = await Reconciler.ReconcileAsync(expected, [reader], Token);

        Assert.Equal(
            [(ChainReader.AaveSupplied, "WETH", 2m, Mismatched), (ChainReader.AaveSupplied, "weETH", 1m, Undeclared)],
            drifted.Breaks.Select(l => (l.Location, l.Item, l.Difference!.Value, l.Status)));
    }

    [Fact]
    public async Task A_node_that_does_not_answer_makes_the_wallet_and_aave_unreadable()
    {
        var market = fixture.Market;
        // Port 9 (discard) on loopback: nothing listens, the connection is refused.
        using var offline = new EthereumClient(new Uri("http://127.0.0.1:9"), EthereumAccount.FromPrivateKey(fixture.Chain.PrivateKey(1), 31337));
        var expected = new LedgerPositions([], [new TokenBalance(ChainReader.AaveSupplied, "WETH", 10m)]);

        var report = await Reconciler.ReconcileAsync(expected, [Reader(offline, market)], Token);

        Assert.Equal(
            [(ChainReader.AaveSupplied, "WETH"), (ChainReader.AaveBorrowed, Reconciler.WholeLocation), (ChainReader.Wallet, Reconciler.WholeLocation)],
            report.Lines.Select(l => (l.Location, l.Item)));
        Assert.All(report.Lines, l => Assert.Equal((Unreadable, null), (l.Status, l.Failure!.Kind)));
    }

    private static ChainReader Reader(EthereumClient client, AaveMarket market)
    {
        List<ChainToken> tokens = [.. market.Reserves.Select(r => new ChainToken(r.Key, r.Value.Asset, r.Value.Decimals))];
        return new ChainReader(client, tokens, new AavePool(client, market.Pool), tokens);
    }

    private async Task SupplyAsync(EthereumClient client, string token, BigInteger amount)
    {
        await client.SendAsync(token, new MintFunction { Account = client.Account.Address, Value = amount }, Token);
        await new AavePool(client, fixture.Market.Pool).SupplyAsync(token, amount, Token);
    }

    private static BigInteger Units(int whole, int decimals) => whole * BigInteger.Pow(10, decimals);
}
