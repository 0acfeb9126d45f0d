using Basis.Configuration.Binding;
using Venue = Basis.Core.Instruments.Venue;
using Basis.ExchangeSimulator.Accounting;
using Basis.ExchangeSimulator.Binance;
using Basis.ExchangeSimulator.Bybit;
using Basis.ExchangeSimulator.Chain;
using Basis.ExchangeSimulator.Control;
using Basis.ExchangeSimulator.Faults;
using Basis.ExchangeSimulator.Market;
using Basis.ExchangeSimulator.Okx;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Basis.ExchangeSimulator;

/// <summary>A running simulator on 127.0.0.1: in-process for tests (<see cref="StartAsync"/>) or as the exe.</summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    // BTCUSDT and ETHUSDT with Binance's USDⓈ-M filters (tick 0.10 / 0.01, step 0.001, min notional 100 / 20 USDT).
    private static readonly Instrument[] BinanceInstruments =
    [
        new("BTCUSDT", "BTC", "USDT", 0.001m, 0.1m, 100m),
        new("ETHUSDT", "ETH", "USDT", 0.001m, 0.01m, 20m),
    ];

    // Bybit's linear filters for the same pairs (tick 0.10 / 0.01, step 0.001 / 0.01, min notional 5 USDT).
    private static readonly Instrument[] BybitInstruments =
    [
        new("BTCUSDT", "BTC", "USDT", 0.001m, 0.1m, 5m),
        new("ETHUSDT", "ETH", "USDT", 0.01m, 0.01m, 5m),
    ];

    // OKX's BTC-USDT-SWAP / ETH-USDT-SWAP in base units: 0.01 contract lots of 0.01 BTC / 0.1 ETH, ticks 0.1 / 0.01.
    private static readonly Instrument[] OkxInstruments =
    [
        new("BTCUSDT", "BTC", "USDT", 0.0001m, 0.1m, 0m),
        new("ETHUSDT", "ETH", "USDT", 0.001m, 0.01m, 0m),
    ];

    // Binance spot's filters for the same pairs (LOT_SIZE step 0.00001 / 0.0001, tick 0.01, NOTIONAL min 5 USDT).
    private static readonly Instrument[] BinanceSpotInstruments =
    [
        new("BTCUSDT", "BTC", "USDT", 0.00001m, 0.01m, 5m),
        new("ETHUSDT", "ETH", "USDT", 0.0001m, 0.01m, 5m),
    ];

    // Bybit spot's (basePrecision 0.000001 / 0.00001, tick 0.01, minOrderAmt 5 USDT).
    private static readonly Instrument[] BybitSpotInstruments =
    [
        new("BTCUSDT", "BTC", "USDT", 0.000001m, 0.01m, 5m),
        new("ETHUSDT", "ETH", "USDT", 0.00001m, 0.01m, 5m),
    ];

    // OKX's BTC-USDT / ETH-USDT (lotSz 0.00000001 / 0.000001, tickSz 0.1 / 0.01; minSz is not modelled).
    private static readonly Instrument[] OkxSpotInstruments =
    [
        new("BTCUSDT", "BTC", "USDT", 0.00000001m, 0.1m, 0m),
        new("ETHUSDT", "ETH", "USDT", 0.000001m, 0.01m, 0m),
    ];

    private readonly WebApplication _app;

    private SimulatorHost(
        WebApplication app, string baseUrl, ExchangeState binance, ExchangeState bybit, ExchangeState okx, FaultInjector faults, SimulatorStats stats,
        ChainWatcher? chain)
    {
        _app = app;
        Chain = chain;
        BaseUrl = baseUrl;
        Binance = binance;
        Bybit = bybit;
        Okx = okx;
        Faults = faults;
        Stats = stats;
    }

    /// <summary>e.g. <c>http://127.0.0.1:41234</c>, without a trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>Binance's book (<c>/fapi/</c>); lock <see cref="ExchangeState.Sync"/> while reading it.</summary>
    public ExchangeState Binance { get; }

    /// <summary>Bybit's book (<c>/v5/</c>): the same accounts, their own balances and positions.</summary>
    public ExchangeState Bybit { get; }

    /// <summary>OKX's book (<c>/api/v5/</c>), sizes in base units (the API speaks contracts).</summary>
    public ExchangeState Okx { get; }

    public FaultInjector Faults { get; }

    public SimulatorStats Stats { get; }

    /// <summary>The deposit watcher and withdrawal sender when <see cref="SimulatorOptions.Chain"/> is set, else null.</summary>
    public ChainWatcher? Chain { get; }

    /// <summary>Every venue request as it arrived (also <c>GET /_sim/requests</c>).</summary>
    public RequestJournal Journal { get; private init; } = null!;

    /// <summary>Validates <paramref name="options"/>, loads the data and configs, and starts listening.</summary>
    public static async Task<SimulatorHost> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { Count: > 0 } errors)
        {
            throw new ArgumentException("Simulator options are invalid: " + string.Join("; ", errors), nameof(options));
        }

        var venues = BasisConfiguration.Load(options.ConfigsRoot).Venues;
        // Binance keeps spot in a separate account; Bybit's unified and OKX's trading account hold spot coins and margin alike.
        var binance = Book(options, venues.Exchanges[Venue.Binance], "binance", BinanceInstruments, BinanceSpotInstruments, unified: false);
        var bybit = Book(options, venues.Exchanges[Venue.Bybit], "bybit", BybitInstruments, BybitSpotInstruments, unified: true);
        var okx = Book(options, venues.Exchanges[Venue.Okx], "okx", OkxInstruments, OkxSpotInstruments, unified: true);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var faults = new FaultInjector();
        var stats = new SimulatorStats();
        var journal = RequestJournal.Map(app);
        var binanceApi = new BinanceApi(binance, stats, faults, TimeProvider.System);
        binanceApi.Map(app);
        new BinanceSpotApi(binance, binanceApi, faults, TimeProvider.System).Map(app);
        new BinanceWalletApi(binance, binanceApi).Map(app);
        new BybitApi(bybit, stats, faults, TimeProvider.System).Map(app);
        new OkxApi(okx, stats, faults, TimeProvider.System).Map(app);
        app.UseWebSockets();
        Streams.SimulatorStreams.Map(app, binance, bybit, okx);
        ControlEndpoints.Map(app, [binance, bybit, okx], faults, stats);
        // Each venue's name for the Ethereum network of an asset, as their deposit-address and withdrawal endpoints take it.
        var chain = options.Chain is null ? null : await ChainWatcher.StartAsync(
            options.Chain, [new(binance, _ => "ETH"), new(bybit, _ => "ETH"), new(okx, asset => $"{asset}-ERC20")]).ConfigureAwait(false);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (chain is not null)
            {
                await chain.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new SimulatorHost(app, address.TrimEnd('/'), binance, bybit, okx, faults, stats, chain) { Journal = journal };
    }

    // Fees (perp and spot) and maintenance margin from configs/venues/{venue}.yaml; marks, spot prices and funding from
    // data/{perp,spot,funding}/{venue}.
    private static ExchangeState Book(
        SimulatorOptions options, Basis.Core.Settings.ExchangeSettings exchange, string venue, Instrument[] instruments, Instrument[] spotInstruments,
        bool unified)
    {
        var terms = new TradingTerms(
            (decimal)exchange.PerpFees.MakerBps / 10_000m,
            (decimal)exchange.PerpFees.TakerBps / 10_000m,
            (decimal)exchange.MaintenanceMargin,
            options.SlippageBps / 10_000m,
            (decimal)exchange.SpotFees.MakerBps / 10_000m,
            (decimal)exchange.SpotFees.TakerBps / 10_000m);
        var tape = MarketTape.Load(options.DataRoot, venue, instruments.Select(i => i.Symbol));
        var state = new ExchangeState(tape, instruments, terms, options.StartUtc, spotInstruments, unified)
        {
            Venue = venue,
            WithdrawalFees = options.Chain?.WithdrawalFees ?? new Dictionary<string, decimal>(),
            ChainConfirmations = options.Chain?.Confirmations ?? 1,
        };
        foreach (var symbol in tape.Symbols)
        {
            // the start must be inside the data
            state.Mark(symbol);
            state.SpotPrice(symbol);
        }

        foreach (var account in options.Accounts)
        {
            state.AddAccount(account.ApiKey, account.Secret, "USDT", account.StartingUsdt, account.Passphrase, account.StartingSpotUsdt);
        }

        return state;
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> fires (the exe).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Chain is not null)
        {
            await Chain.DisposeAsync().ConfigureAwait(false);
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
