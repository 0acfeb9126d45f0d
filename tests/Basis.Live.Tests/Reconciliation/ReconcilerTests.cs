using Basis.Live.Ledger;
using Basis.Live.Reconciliation;
using Basis.Venues.Exchanges;
using static Basis.Live.Reconciliation.ReconciliationStatus;

namespace Basis.Live.Tests.Reconciliation;

/// <summary>Worked examples of the comparison, with figures to check by hand: USDT 0.5 % / 1, ETH 0.5 % / 0.001, BTC 0.5 % / 0.0001.</summary>
public sealed class ReconcilerTests
{
    private static readonly ReconcileTolerances Tolerances = new(
        new AssetTolerance(0.005m, 0m),
        new Dictionary<string, AssetTolerance>
        {
            ["USDT"] = new(0.005m, 1m),
            ["ETH"] = new(0.005m, 0.001m),
            ["BTC"] = new(0.005m, 0.0001m),
        });

    private static readonly Reconciler Reconciler = new(Tolerances);

    [Theory]
    // 0.5 % of 10,000 is 50, above the 1 USDT dust: up to 50 either way matches, the tolerance itself included.
    [InlineData(10_049, Matched)]
    [InlineData(10_050, Matched)]
    [InlineData(9_950, Matched)]
    [InlineData(10_050.01, Mismatched)]
    [InlineData(9_949.99, Mismatched)]
    public void A_balance_matches_within_its_relative_tolerance(decimal held, ReconciliationStatus status)
    {
        var line = Single(Expect(("binance", "USDT", 10_000m)), Held("binance", ("USDT", held)));

        Assert.Equal(status, line.Status);
        Assert.Equal(held - 10_000m, line.Difference);
        Assert.Equal((held - 10_000m) / 10_000m, line.RelativeDifference);
    }

    [Theory]
    // 0.5 % of 100 USDT is 0.5: the 1 USDT dust threshold is the wider one.
    [InlineData(100.9, Matched)]
    [InlineData(101, Matched)]
    [InlineData(99, Matched)]
    [InlineData(101.01, Mismatched)]
    public void A_small_balance_matches_within_the_dust_threshold(decimal held, ReconciliationStatus status) =>
        Assert.Equal(status, Single(Expect(("okx", "USDT", 100m)), Held("okx", ("USDT", held))).Status);

    [Fact]
    public void A_holding_the_ledger_does_not_know_is_undeclared_unless_it_is_dust()
    {
        var report = Reconciler.Compare(Expect(), [Held("binance", ("ETH", 0.5m), ("BTC", 0.0001m))]);

        Assert.Equal(
            [("BTC", 0m, 0.0001m, Matched), ("ETH", 0m, 0.5m, Undeclared)],
            report.Lines.Select(l => (l.Item, l.Expected, l.Actual, l.Status)));
        Assert.Null(report.Lines[1].RelativeDifference);
        Assert.False(report.IsClean);
    }

    [Fact]
    public void A_holding_the_venue_does_not_have_is_missing_unless_it_is_dust()
    {
        var report = Reconciler.Compare(Expect(("bybit", "ETH", 2m), ("bybit", "USDT", 0.8m)), [Held("bybit")]);

        Assert.Equal(
            [("ETH", 2m, 0m, -2m, Missing), ("USDT", 0.8m, 0m, -0.8m, Matched)],
            report.Lines.Select(l => (l.Item, l.Expected, l.Actual!.Value, l.Difference!.Value, l.Status)));
    }

    [Theory]
    // The ledger says the wallet holds 0.4961 ETH after gas. More is the operator's float for gas; less than 0.4961 by
    // more than the 0.5 % / 0.001 tolerance (0.00248) is a loss; no ETH the ledger expects at all is matched too.
    [InlineData(0.4961, 0.4961, Matched)]
    [InlineData(0.4961, 3.5, Matched)]
    [InlineData(0.4961, 0.4940, Matched)]
    [InlineData(0.4961, 0.49, Mismatched)]
    [InlineData(0, 0.05, Matched)]
    [InlineData(-0.0039, 0.05, Matched)]
    public void The_wallets_native_eth_may_hold_a_float_for_gas_above_the_ledger_never_less(decimal expected, decimal held, ReconciliationStatus status)
    {
        var report = Reconciler.Compare(Expect(("wallet", "ETH", expected)), [Held("wallet", ("ETH", held))]);

        Assert.Equal(status, Assert.Single(report.Lines).Status);
    }

    [Fact]
    public void Perp_sizes_are_compared_signed_in_their_base_asset()
    {
        var expected = new LedgerPositions(
            [Perp("binance", "BTCUSDT", 1.5m), Perp("okx", "BTC-USDT-SWAP", -0.5m), Perp("bybit", "ETHUSDT", -3m)],
            []);

        var report = Reconciler.Compare(expected,
        [
            Held("binance", [Position("BTCUSDT", 1.5m)]),
            // 0.1 BTC off: beyond 0.5 % of 0.5 (0.0025) and the 0.0001 dust.
            Held("okx", [Position("BTC-USDT-SWAP", -0.4m)]),
            // Long where the ledger is short: six ETH apart.
            Held("bybit", [Position("ETHUSDT", 3m)]),
        ]);

        Assert.Equal(
            [
                ("binance", "BTCUSDT", 0m, Matched),
                ("bybit", "ETHUSDT", 6m, Mismatched),
                ("okx", "BTC-USDT-SWAP", 0.1m, Mismatched),
            ],
            report.Lines.Select(l => (l.Location, l.Item, l.Difference!.Value, l.Status)));
        Assert.All(report.Lines, l => Assert.Equal(HoldingKind.Perp, l.Kind));
        Assert.Equal(0.2m, report.Lines[2].RelativeDifference);
    }

    [Fact]
    public void A_perp_the_ledger_closed_but_the_venue_still_holds_is_mismatched()
    {
        var expected = new LedgerPositions([Perp("binance", "ETHUSDT", 0m)], []);

        var line = Assert.Single(Reconciler.Compare(expected, [Held("binance", [Position("ETHUSDT", -1m)])]).Lines);

        Assert.Equal((0m, -1m, Mismatched), (line.Expected, line.Actual, line.Status));
    }

    [Fact]
    public void An_unreadable_location_reports_every_expected_holding_with_the_exchanges_error_kind()
    {
        var failure = new ReadFailure(ExchangeErrorKind.ExchangeUnavailable, "Bybit ExchangeUnavailable (HTTP 503)");
        var expected = new LedgerPositions([Perp("bybit", "ETHUSDT", -2m)], [new TokenBalance("bybit", "USDT", 5_000m)]);

        var report = Reconciler.Compare(expected, [LocationReading.Unreadable("bybit", failure), LocationReading.Unreadable("okx", failure)]);

        Assert.Equal(
            [
                ("bybit", HoldingKind.Balance, "USDT", 5_000m),
                ("bybit", HoldingKind.Perp, "ETHUSDT", -2m),
                ("okx", HoldingKind.Balance, Reconciler.WholeLocation, 0m),
            ],
            report.Lines.Select(l => (l.Location, l.Kind, l.Item, l.Expected)));
        Assert.All(report.Lines, l => Assert.Equal((Unreadable, null, null, failure), (l.Status, l.Actual, l.Difference, l.Failure)));
    }

    [Fact]
    public void A_location_the_ledger_holds_something_at_but_nothing_read_is_unreadable()
    {
        var report = Reconciler.Compare(Expect(("okx", "USDT", 1_000m), ("bybit", "USDT", 0m)), []);

        var line = Assert.Single(report.Lines);
        Assert.Equal(("okx", "USDT", Unreadable), (line.Location, line.Item, line.Status));
        Assert.Null(line.Failure!.Kind);
    }

    [Fact]
    public void Tokens_in_transit_are_listed_as_such_and_only_what_has_arrived_is_compared()
    {
        // 10,000 USDT funded, 4,000 sent towards Bybit: the wallet holds 6,000 and Bybit nothing yet. The 4,000 are read
        // nowhere, and the report is clean; had they been booked at Bybit already, Bybit would be 4,000 short.
        var sent = Expect(("wallet", "USDT", 6_000m), (Transit.To("bybit"), "USDT", 4_000m));
        var held = new[] { Held("wallet", ("USDT", 6_000m)), Held("bybit") };

        var report = Reconciler.Compare(sent, held);

        Assert.Equal(
            [("in_transit/bybit", "USDT", 4_000m, (decimal?)null, InTransit), ("wallet", "USDT", 6_000m, 6_000m, Matched)],
            report.Lines.Select(l => (l.Location, l.Item, l.Expected, l.Actual, l.Status)));
        Assert.True(report.IsClean);
        Assert.False(Reconciler.Compare(Expect(("wallet", "USDT", 6_000m), ("bybit", "USDT", 4_000m)), held).IsClean);
    }

    [Fact]
    public void A_report_is_clean_only_when_every_line_matches()
    {
        var expected = Expect(("binance", "USDT", 10_000m), ("wallet", "USDT", 2_500m));

        var clean = Reconciler.Compare(expected, [Held("binance", ("USDT", 10_020m)), Held("wallet", ("USDT", 2_500m))]);
        var drifted = Reconciler.Compare(expected, [Held("binance", ("USDT", 9_000m)), Held("wallet", ("USDT", 2_500m))]);

        Assert.True(clean.IsClean);
        Assert.Empty(clean.Breaks);
        Assert.False(drifted.IsClean);
        Assert.Equal(("binance", "USDT", -1_000m, -0.1m), drifted.Breaks.Select(l => (l.Location, l.Item, l.Difference!.Value, l.RelativeDifference!.Value)).Single());
    }

    [Fact]
    public async Task Readers_are_read_at_once_and_one_that_fails_is_unreadable_with_its_kind()
    {
        // Binance answers only once Bybit's read has started: read one after the other, this would never finish.
        var bybitStarted = new TaskCompletionSource();
        var binance = new FakeReader(["binance"], async () =>
        {
            await bybitStarted.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            return Held("binance", ("USDT", 10_000m));
        });
        var bybit = new FakeReader(["bybit"], () =>
        {
            bybitStarted.SetResult();
            throw new ExchangeException(ExchangeVenue.Bybit, ExchangeErrorKind.RateLimited, "10006", "Too many visits!");
        });

        var report = await Reconciler.ReconcileAsync(
            Expect(("binance", "USDT", 10_000m), ("bybit", "USDT", 10_000m)), [bybit, binance], TestContext.Current.CancellationToken);

        Assert.Equal(
            [("binance", Matched, (ExchangeErrorKind?)null), ("bybit", Unreadable, ExchangeErrorKind.RateLimited)],
            report.Lines.Select(l => (l.Location, l.Status, l.Failure?.Kind)));
    }

    [Fact]
    public async Task A_failure_outside_an_exchange_client_makes_every_location_of_its_reader_unreadable()
    {
        var chain = new FakeReader(["wallet", "aave_v3"], () => throw new HttpRequestException("Connection refused (127.0.0.1:8545)"));

        var report = await Reconciler.ReconcileAsync(Expect(("wallet", "USDT", 1m)), [chain], TestContext.Current.CancellationToken);

        Assert.Equal([("aave_v3", Reconciler.WholeLocation), ("wallet", "USDT")], report.Lines.Select(l => (l.Location, l.Item)));
        Assert.All(report.Lines, l => Assert.Equal("HttpRequestException: Connection refused (127.0.0.1:8545)", l.Failure!.Message));
    }

    [Fact]
    public async Task An_instances_venue_without_a_reader_is_unreadable_and_a_reader_shared_by_two_names_is_read_once()
    {
        var reads = 0;
        var chain = new FakeReader(["wallet"], () =>
        {
            Interlocked.Increment(ref reads);
            return Task.FromResult(Held("wallet", ("USDT", 2_500m)));
        });
        var readers = new Dictionary<string, ILocationReader> { ["ethereum"] = chain, ["arbitrum"] = chain };

        var report = await Reconciler.ReconcileAsync(
            Expect(("wallet", "USDT", 2_500m)), ["ethereum", "arbitrum", "okx"], readers, TestContext.Current.CancellationToken);

        Assert.Equal([("okx", Reconciler.WholeLocation, Unreadable), ("wallet", "USDT", Matched)], report.Lines.Select(l => (l.Location, l.Item, l.Status)));
        Assert.Equal("no client for venue 'okx' in this host", report.Lines[0].Failure!.Message);
        Assert.Equal(1, reads);
    }

    [Theory]
    [InlineData("BTCUSDT", "BTC")]
    [InlineData("ETHUSDC", "ETH")]
    [InlineData("BTC-USDT-SWAP", "BTC")]
    [InlineData("USDT", "USDT")]
    public void A_perps_base_asset_is_read_from_the_venues_symbol(string symbol, string asset) =>
        Assert.Equal(asset, Reconciler.BaseAssetOf(symbol));

    private static ReconciliationLine Single(LedgerPositions expected, LocationReading held) =>
        Assert.Single(Reconciler.Compare(expected, [held]).Lines);

    private static LedgerPositions Expect(params (string Location, string Asset, decimal Amount)[] balances) =>
        new([], [.. balances.Select(b => new TokenBalance(b.Location, b.Asset, b.Amount))]);

    private static LocationReading Held(string location, params (string Asset, decimal Amount)[] balances) =>
        LocationReading.Read(location, [.. balances.Select(b => new TokenBalance(location, b.Asset, b.Amount))], []);

    private static LocationReading Held(string location, IReadOnlyList<PerpPosition> perps) => LocationReading.Read(location, [], perps);

    private static PerpHolding Perp(string venue, string symbol, decimal size) => new(venue, symbol, size, 0m, 0m, 0m);

    private static PerpPosition Position(string symbol, decimal size) => new(symbol, size, 0m, 0m, 0m, 1m, MarginMode.Cross, null);

    private sealed class FakeReader(IReadOnlyList<string> locations, Func<Task<LocationReading>> read) : ILocationReader
    {
        public IReadOnlyList<string> Locations { get; } = locations;

        public async Task<IReadOnlyList<LocationReading>> ReadAsync(CancellationToken cancellationToken) => [await read()];
    }
}
