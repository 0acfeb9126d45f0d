using Basis.ExchangeSimulator;
using Basis.ExchangeSimulator.Chain;
using Basis.Live.Reconciliation;
using Basis.Venues.Exchanges;
using Basis.Venues.Exchanges.Binance;
using Basis.Venues.Exchanges.Bybit;
using Basis.Venues.Exchanges.Okx;
using ExchangeState = Basis.ExchangeSimulator.Accounting.ExchangeState;

namespace Basis.Live.Tests.Reconciliation;

/// <summary>
/// Binance, Bybit and OKX on the exchange simulator, each on its own simulator on 127.0.0.1 so that a fault injected
/// into one venue leaves the others answering, and our real client of each pointed at it. One account, starting with
/// <see cref="StartingUsdt"/> at every venue unless told otherwise, and, when given a chain, deposit addresses on it. Shared by the reconciliation tests and the <c>reconcile</c> benchmark.
/// </summary>
internal sealed class SimulatedVenues : IAsyncDisposable
{
    public const decimal StartingUsdt = 10_000m;

    private const string Key = "reconcile-key";

    // Binance's published USDⓈ-M example secret: not a credential.
    private const string Secret = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";

    private const string Passphrase = "sim-passphrase";

    private readonly HttpClient _http;

    private SimulatedVenues(IReadOnlyDictionary<ExchangeVenue, SimulatorHost> hosts, IReadOnlySet<string> withdrawalAllowList)
    {
        Hosts = hosts;
        _http = new HttpClient();
        // Short back-offs keep the fault tests quick.
        var delay = TimeSpan.FromMilliseconds(100);
        Clients = hosts.ToDictionary(host => host.Key, host =>
        {
            var endpoints = ExchangeEndpoints.OneBaseUrl(new Uri(host.Value.BaseUrl), isTestnet: false);
            var credentials = new ExchangeCredentials(Key, Secret, host.Key == ExchangeVenue.Okx ? Passphrase : null);
            return host.Key switch
            {
                ExchangeVenue.Binance => (IPerpExchange)new BinanceExchangeClient(_http, new BinanceClientOptions
                {
                    Endpoints = endpoints, FuturesCredentials = credentials, SpotCredentials = credentials, RetryBaseDelay = delay,
                    WithdrawalAllowList = withdrawalAllowList,
                }, TimeProvider.System),
                ExchangeVenue.Bybit => new BybitExchangeClient(_http, new BybitClientOptions
                {
                    Endpoints = endpoints, Credentials = credentials, RetryBaseDelay = delay, WithdrawalAllowList = withdrawalAllowList,
                }, TimeProvider.System),
                _ => new OkxExchangeClient(_http, new OkxClientOptions
                {
                    Endpoints = endpoints, Credentials = credentials, RetryBaseDelay = delay, WithdrawalAllowList = withdrawalAllowList,
                }, TimeProvider.System),
            };
        });
    }

    public static DateTime StartUtc { get; } = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public IReadOnlyDictionary<ExchangeVenue, SimulatorHost> Hosts { get; }

    public IReadOnlyDictionary<ExchangeVenue, IPerpExchange> Clients { get; }

    /// <summary>A reader of every venue, as the live runtime would build them from an instance's venues.</summary>
    public IReadOnlyList<ILocationReader> Readers => [.. Clients.Values.Select(client => new ExchangeReader(client))];

    /// <param name="repositoryRoot">Where the simulator's data and configs are.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <param name="chain">The chain the venues take deposits from and send withdrawals to; none when null.</param>
    /// <param name="startingUsdt">The USDT the account starts with at every venue.</param>
    /// <param name="withdrawTo">The one address the clients may withdraw to; none when null.</param>
    public static async Task<SimulatedVenues> StartAsync(
        string repositoryRoot, CancellationToken cancellationToken, SimulatorChain? chain = null, decimal startingUsdt = StartingUsdt, string? withdrawTo = null)
    {
        var options = new SimulatorOptions
        {
            DataRoot = Path.Combine(repositoryRoot, "data"),
            ConfigsRoot = Path.Combine(repositoryRoot, "configs"),
            StartUtc = StartUtc,
            Accounts = [new SimulatorAccount(Key, Secret, startingUsdt, Passphrase)],
            Chain = chain,
        };
        ExchangeVenue[] venues = [ExchangeVenue.Binance, ExchangeVenue.Bybit, ExchangeVenue.Okx];
        var hosts = await Task.WhenAll(venues.Select(_ => SimulatorHost.StartAsync(options, cancellationToken))).ConfigureAwait(false);
        var allowList = withdrawTo is null ? new HashSet<string>() : new HashSet<string>(StringComparer.OrdinalIgnoreCase) { withdrawTo };
        return new SimulatedVenues(venues.Zip(hosts).ToDictionary(pair => pair.First, pair => pair.Second), allowList);
    }

    /// <summary>The venue's symbol of the <paramref name="baseAsset"/>/USDT perpetual (OKX: the instrument id).</summary>
    public static string Symbol(ExchangeVenue venue, string baseAsset) =>
        venue == ExchangeVenue.Okx ? $"{baseAsset}-USDT-SWAP" : $"{baseAsset}USDT";

    /// <summary>The venue's book in its simulator (lock its <c>Sync</c> to read).</summary>
    public ExchangeState Book(ExchangeVenue venue) => venue switch
    {
        ExchangeVenue.Binance => Hosts[venue].Binance,
        ExchangeVenue.Bybit => Hosts[venue].Bybit,
        _ => Hosts[venue].Okx,
    };

    /// <summary>Moves every venue's clock: marks move, resting orders fill, funding is paid at its times.</summary>
    public async Task AdvanceClockAsync(int hours, CancellationToken cancellationToken)
    {
        foreach (var host in Hosts.Values)
        {
            using var response = await _http.PostAsync(
                new Uri(new Uri(host.BaseUrl), "/_sim/clock"),
                new StringContent($$"""{"advance_hours":{{hours}}}""", System.Text.Encoding.UTF8, "application/json"),
                cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        foreach (var host in Hosts.Values)
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }
    }
}
