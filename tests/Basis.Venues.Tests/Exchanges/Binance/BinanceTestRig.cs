using Basis.Venues.Exchanges;
using Basis.Venues.Exchanges.Binance;

namespace Basis.Venues.Tests.Exchanges.Binance;

/// <summary>A Binance client wired to a scripted server, a simulated clock and a recording logger.</summary>
internal sealed class BinanceTestRig : IDisposable
{
    public const string FuturesKey = "futures-api-key-0001";
    public const string FuturesSecret = "futures-secret-DO-NOT-PRINT";
    public const string SpotKey = "spot-api-key-0002";
    public const string SpotSecret = "spot-secret-DO-NOT-PRINT";
    public const string AllowedAddress = "0x1111111111111111111111111111111111111111";

    // 2020-06-09T11:36:53.943Z, the timestamp of Binance's futures signing example.
    public static readonly DateTimeOffset LocalStart = DateTimeOffset.FromUnixTimeMilliseconds(1591702613943);

    private readonly HttpClient _http;

    public BinanceTestRig(bool testnet = false)
    {
        Server = new ScriptedExchange("GET /fapi/v1/time", ms => $$"""{"serverTime":{{ms}}}""")
        {
            ServerTimeMs = LocalStart.ToUnixTimeMilliseconds(),
        };
        Clock = new SimulatedClock(LocalStart);
        Logger = new RecordingLogger<BinanceExchangeClient>();
        _http = new HttpClient(Server);
        Client = new BinanceExchangeClient(
            _http,
            new BinanceClientOptions
            {
                Endpoints = new ExchangeEndpoints(new Uri("https://fapi.test"), new Uri("https://api.test"), testnet),
                FuturesCredentials = new ExchangeCredentials(FuturesKey, FuturesSecret),
                SpotCredentials = new ExchangeCredentials(SpotKey, SpotSecret),
                WithdrawalAllowList = new HashSet<string> { AllowedAddress },
            },
            Clock,
            Logger);
    }

    public ScriptedExchange Server { get; }
    public SimulatedClock Clock { get; }
    public RecordingLogger<BinanceExchangeClient> Logger { get; }
    public BinanceExchangeClient Client { get; }

    public void Dispose() => _http.Dispose();
}
