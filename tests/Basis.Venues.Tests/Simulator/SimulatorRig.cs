using System.Net.Http.Json;
using Basis.ExchangeSimulator;
using Basis.ExchangeSimulator.Chain;
using ExchangeState = Basis.ExchangeSimulator.Accounting.ExchangeState;
using SimAccount = Basis.ExchangeSimulator.Accounting.SimAccount;
using Basis.ExchangeSimulator.Control;
using Basis.Venues.Exchanges;
using Basis.Venues.Exchanges.Binance;
using Basis.Venues.Exchanges.Bybit;
using Basis.Venues.Exchanges.Okx;

namespace Basis.Venues.Tests.Simulator;

/// <summary>A fresh in-process simulator (repository data and configs) and our client of one venue pointed at it.</summary>
internal sealed class SimulatorRig : IAsyncDisposable
{
    public const string Key = "our-key-1";

    // A second account for the npm clients, so that both can use the same client order id.
    public const string NodeKey = "npm-key-1";

    // Binance's published USDⓈ-M example secret: not a credential.
    public const string Secret = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";

    public const string Passphrase = "sim-passphrase";

    /// <summary>The one address in our clients' withdrawal allow-list.</summary>
    public const string AllowedAddress = "0x1111111111111111111111111111111111111111";

    public static readonly DateTime StartUtc = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly HttpClient _http;

    private SimulatorRig(SimulatorHost host, ExchangeVenue venue, TimeProvider time)
    {
        Host = host;
        Venue = venue;
        _http = new HttpClient(new SimulatorGapStandIn());
        _http.BaseAddress = new Uri(host.BaseUrl);
        var endpoints = ExchangeEndpoints.OneBaseUrl(new Uri(host.BaseUrl), isTestnet: false);
        var credentials = new ExchangeCredentials(Key, Secret, venue == ExchangeVenue.Okx ? Passphrase : null);
        // Short back-off keeps the fault tests quick; waits the venue asks for (Retry-After, reset times) are kept.
        var delay = TimeSpan.FromMilliseconds(200);
        var allowList = new HashSet<string> { AllowedAddress };
        Client = venue switch
        {
            ExchangeVenue.Binance => new BinanceExchangeClient(_http, new BinanceClientOptions
            {
                Endpoints = endpoints, FuturesCredentials = credentials, SpotCredentials = credentials, RetryBaseDelay = delay,
                WithdrawalAllowList = allowList,
            }, time),
            ExchangeVenue.Bybit => new BybitExchangeClient(_http, new BybitClientOptions
            {
                Endpoints = endpoints, Credentials = credentials, RetryBaseDelay = delay, WithdrawalAllowList = allowList,
            }, time),
            _ => new OkxExchangeClient(_http, new OkxClientOptions
            {
                Endpoints = endpoints, Credentials = credentials, RetryBaseDelay = delay, WithdrawalAllowList = allowList,
            }, time),
        };
    }

    public SimulatorHost Host { get; }

    public ExchangeVenue Venue { get; }

    public IPerpExchange Client { get; }

    /// <summary>The symbol as our client names it (OKX: the instrument id).</summary>
    public string Symbol => Venue == ExchangeVenue.Okx ? "BTC-USDT-SWAP" : "BTCUSDT";

    /// <summary>This venue's book in the simulator (lock its Sync to read).</summary>
    public ExchangeState Book => Venue switch
    {
        ExchangeVenue.Binance => Host.Binance,
        ExchangeVenue.Bybit => Host.Bybit,
        _ => Host.Okx,
    };

    public RequestJournal Journal => Host.Journal;

    /// <summary>Where this venue takes new orders.</summary>
    public string OrderPath => Venue switch
    {
        ExchangeVenue.Binance => "/fapi/v1/order",
        ExchangeVenue.Bybit => "/v5/order/create",
        _ => "/api/v5/trade/order",
    };

    /// <summary>Starts a simulator; with <paramref name="chain"/> it takes deposits from and sends withdrawals to that chain.</summary>
    public static async Task<SimulatorRig> StartAsync(ExchangeVenue venue, TimeProvider? time = null, SimulatorChain? chain = null)
    {
        var host = await SimulatorHost.StartAsync(
            new SimulatorOptions
            {
                DataRoot = Path.Combine(RepositoryRoot, "data"),
                ConfigsRoot = Path.Combine(RepositoryRoot, "configs"),
                StartUtc = StartUtc,
                // Binance's spot account starts with as much USDT as each trading wallet.
                Accounts = [new SimulatorAccount(Key, Secret, 10_000m, Passphrase, 10_000m), new SimulatorAccount(NodeKey, Secret, 10_000m, Passphrase, 10_000m)],
                Chain = chain,
            },
            TestContext.Current.CancellationToken);
        return new SimulatorRig(host, venue, time ?? TimeProvider.System);
    }

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Our account in this venue's book; the caller holds <c>Book.Sync</c>.</summary>
    public SimAccount Account => Book.Accounts[Key];

    public async Task AdvanceClockAsync(int hours)
    {
        using var response = await _http.PostAsJsonAsync("/_sim/clock", new { advance_hours = hours }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Host.DisposeAsync();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Basis.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"No Basis.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>The wall clock moved by <see cref="Shift"/>: a local clock that drifts after the client measured the server's.</summary>
internal sealed class ShiftedTime : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
}

/// <summary>
/// Answers the read our clients make that the simulator lacks, OKX GET /api/v5/market/index-tickers, with the swap's
/// mark as the index, as the simulator's Binance reports it; every other request goes to the simulator.
/// </summary>
internal sealed class SimulatorGapStandIn() : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        switch (uri.AbsolutePath)
        {
            case "/api/v5/market/index-tickers":
                var pair = System.Web.HttpUtility.ParseQueryString(uri.Query)["instId"];
                using (var markRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(uri, $"/api/v5/public/mark-price?instType=SWAP&instId={pair}-SWAP")))
                using (var markResponse = await base.SendAsync(markRequest, cancellationToken).ConfigureAwait(false))
                {
                    using var mark = System.Text.Json.JsonDocument.Parse(await markResponse.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
                    var row = mark.RootElement.GetProperty("data")[0];
                    return Json($$"""{"code":"0","msg":"","data":[{"instId":"{{pair}}","idxPx":"{{row.GetProperty("markPx").GetString()}}","ts":"{{row.GetProperty("ts").GetString()}}"}]}""");
                }

            default:
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    private static HttpResponseMessage Json(string body) =>
        new(System.Net.HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
}
