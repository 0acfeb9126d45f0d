using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Basis.Benchmarks.Pipeline;
using Basis.Live.Ledger;
using Basis.Live.Reconciliation;
using Basis.Live.Tests.Reconciliation;
using Basis.Venues.Exchanges;

namespace Basis.Benchmarks.Live;

/// <summary>
/// <c>reconcile</c>: Binance, Bybit and OKX on the exchange simulator (one simulator each, 127.0.0.1), each holding a
/// BTC and an ETH perp opened through our clients, reconciled against a ledger of a year's size — every perp traded
/// every hour (52,560 fills in round trips before the book was opened) and funding every eight hours (6,570
/// payments) — through the real clients and <see cref="Reconciler"/>, as the reconcile timer would. Timed: the whole
/// reconcile (all venues read at once, then compared), the comparison alone, and the in-memory rebuild of the
/// positions from the ledger's rows (the PostgreSQL read before it is not in it).
/// </summary>
internal static class ReconcileBenchmark
{
    private const string Instance = "bench-reconcile";
    private const int HoursPerYear = 8_760;

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = int.Parse(Option(args, "--runs", "50"), CultureInfo.InvariantCulture);
        var warmup = int.Parse(Option(args, "--warmup", "5"), CultureInfo.InvariantCulture);
        Console.WriteLine($"Reconcile benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} processors, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; load average {PipelineBenchmark.LoadAverage()}");

        var root = Directory.GetParent(BenchmarkData.Configs)!.FullName;
        await using var venues = await SimulatedVenues.StartAsync(root, CancellationToken.None);
        var (fills, funding, transfers) = await OpenBookAsync(venues);
        Console.WriteLine($"Ledger: {fills.Count:N0} fills, {funding.Count:N0} funding payments, {transfers.Count} transfers; {warmup} warm-up and {runs} timed runs");

        var reconciler = new Reconciler(ReconcileTolerances.Load(BenchmarkData.Configs));
        var readers = venues.Readers;
        var whole = new Sample();
        var compare = new Sample();
        var rebuild = new Sample();
        var clock = new Stopwatch();
        ReconciliationReport? report = null;
        for (var i = 0; i < warmup + runs; i++)
        {
            clock.Restart();
            var expected = LedgerPositions.Rebuild(fills, funding, transfers);
            var rebuilt = clock.Elapsed.TotalMilliseconds;

            clock.Restart();
            report = await reconciler.ReconcileAsync(expected, readers, CancellationToken.None);
            var reconciled = clock.Elapsed.TotalMilliseconds;

            var readings = (await Task.WhenAll(readers.Select(reader => reader.ReadAsync(CancellationToken.None)))).SelectMany(r => r).ToList();
            clock.Restart();
            reconciler.Compare(expected, readings);
            var compared = clock.Elapsed.TotalMilliseconds;

            if (i >= warmup)
            {
                whole.Add(reconciled);
                compare.Add(compared);
                rebuild.Add(rebuilt);
            }
        }

        if (report is not { IsClean: true })
        {
            throw new InvalidOperationException("The benchmark's ledger no longer reconciles clean: " + string.Join("; ", report!.Breaks));
        }

        var table = new ResultTable($"Reconciling 3 venues ({report.Lines.Count} lines) against a ledger of {fills.Count:N0} fills", "span", "median", "min", "max", "runs");
        table.Timing("**reconcile (read all venues + compare)**", whole);
        table.Timing("compare alone", compare);
        table.Timing("rebuild positions from the ledger's rows (in memory)", rebuild);
        table.Print();
        return 0;
    }

    /// <summary>
    /// A year of hourly round trips on every perp of every venue at the venue's first mark (each flat again, so they
    /// leave no P&amp;L), funding that nets to zero, the deposits, and then the book itself, opened through the clients
    /// with its fills recorded at the venues' taker fee.
    /// </summary>
    private static async Task<(List<LedgerFill>, List<LedgerFunding>, List<LedgerTransfer>)> OpenBookAsync(SimulatedVenues venues)
    {
        var start = new DateTimeOffset(SimulatedVenues.StartUtc).AddHours(-HoursPerYear);
        var fills = new List<LedgerFill>();
        var funding = new List<LedgerFunding>();
        var transfers = new List<LedgerTransfer>();
        foreach (var (venue, client) in venues.Clients)
        {
            var location = ExchangeReader.LocationOf(venue);
            transfers.Add(new LedgerTransfer(Instance, $"deposit-{location}", "USDT", SimulatedVenues.StartingUsdt, 0m, null, location, start));
            foreach (var asset in (string[])["BTC", "ETH"])
            {
                var symbol = SimulatedVenues.Symbol(venue, asset);
                var book = venues.Book(venue);
                decimal mark, takerFee;
                lock (book.Sync)
                {
                    (mark, takerFee) = (book.Mark($"{asset}USDT"), book.Terms.TakerFee);
                }

                for (var hour = 0; hour < HoursPerYear; hour++)
                {
                    var side = hour % 2 == 0 ? OrderSide.Buy : OrderSide.Sell;
                    fills.Add(new LedgerFill(Instance, location, $"{symbol}-{hour}", $"past{hour}", symbol, MarketType.Perp, asset, "USDT", side, 0.01m, mark, 0m, "USDT", start.AddHours(hour)));
                    if (hour % 8 == 0)
                    {
                        funding.Add(new LedgerFunding(Instance, location, symbol, "USDT", hour % 16 == 0 ? 0.5m : -0.5m, start.AddHours(hour)));
                    }
                }

                var order = await client.PlaceOrderAsync(
                    OrderRequest.Market(TradingAccount.Futures, symbol, asset == "BTC" ? OrderSide.Buy : OrderSide.Sell, asset == "BTC" ? 0.01m : 0.1m, $"open{asset}"),
                    CancellationToken.None);
                var price = order.AverageFillPrice!.Value;
                fills.Add(new LedgerFill(Instance, location, $"{symbol}-open", order.ClientOrderId, symbol, MarketType.Perp, asset, "USDT", order.Side,
                    order.FilledQuantity, price, order.FilledQuantity * price * takerFee, "USDT", new DateTimeOffset(SimulatedVenues.StartUtc)));
            }
        }

        return (fills, funding, transfers);
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
