using Basis.Configuration.Binding;
using Venue = Basis.Core.Instruments.Venue;
using Basis.ExchangeSimulator.Accounting;
using Basis.ExchangeSimulator.Binance;
using Basis.ExchangeSimulator.Control;
using Basis.ExchangeSimulator.Faults;
using Basis.ExchangeSimulator.Market;
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

    private readonly WebApplication _app;

    private SimulatorHost(WebApplication app, string baseUrl, ExchangeState state, FaultInjector faults, SimulatorStats stats)
    {
        _app = app;
        BaseUrl = baseUrl;
        State = state;
        Faults = faults;
        Stats = stats;
    }

    /// <summary>e.g. <c>http://127.0.0.1:41234</c>, without a trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>The venue's book; lock <see cref="ExchangeState.Sync"/> while reading it.</summary>
    public ExchangeState State { get; }

    public FaultInjector Faults { get; }

    public SimulatorStats Stats { get; }

    /// <summary>Validates <paramref name="options"/>, loads the data and configs, and starts listening.</summary>
    public static async Task<SimulatorHost> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { Count: > 0 } errors)
        {
            throw new ArgumentException("Simulator options are invalid: " + string.Join("; ", errors), nameof(options));
        }

        var exchange = BasisConfiguration.Load(options.ConfigsRoot).Venues.Exchanges[Venue.Binance];
        var terms = new TradingTerms(
            (decimal)exchange.PerpFees.MakerBps / 10_000m,
            (decimal)exchange.PerpFees.TakerBps / 10_000m,
            (decimal)exchange.MaintenanceMargin,
            options.SlippageBps / 10_000m);
        var tape = MarketTape.Load(options.DataRoot, "binance", BinanceInstruments.Select(i => i.Symbol));
        var state = new ExchangeState(tape, BinanceInstruments, terms, options.StartUtc);
        foreach (var symbol in tape.Symbols)
        {
            state.Mark(symbol); // the start must be inside the data
        }

        foreach (var account in options.Accounts)
        {
            state.AddAccount(account.ApiKey, account.Secret, "USDT", account.StartingUsdt);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var faults = new FaultInjector();
        var stats = new SimulatorStats();
        new BinanceApi(state, stats, faults, TimeProvider.System).Map(app);
        ControlEndpoints.Map(app, state, faults, stats);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new SimulatorHost(app, address.TrimEnd('/'), state, faults, stats);
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> fires (the exe).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
