namespace Basis.Venues.Exchanges;

/// <summary>
/// Where a venue client sends its requests. Dev uses the venue's testnet (OKX: its demo trading, same host with the
/// x-simulated-trading header); staging and production use mainnet. Tests point both URLs at a local server.
/// <para>
/// RestBaseUrl: Derivatives API (Binance fapi; the single API of Bybit and OKX).
/// SpotRestBaseUrl: Binance's spot and wallet (sapi) API; the same as RestBaseUrl elsewhere.
/// IsTestnet: Testnet or demo trading: Binance refuses wallet operations (its testnets have no /sapi), OKX refuses
/// deposit addresses and withdrawals and gets its demo header; Bybit's testnet has the asset API.
/// </para>
/// </summary>
public sealed record ExchangeEndpoints(Uri RestBaseUrl, Uri SpotRestBaseUrl, bool IsTestnet)
{
    public static ExchangeEndpoints For(ExchangeVenue venue, BasisEnvironment environment)
    {
        var testnet = environment == BasisEnvironment.Dev;
        return venue switch
        {
            ExchangeVenue.Binance => testnet
                ? new(new Uri("https://testnet.binancefuture.com"), new Uri("https://testnet.binance.vision"), true)
                : new(new Uri("https://fapi.binance.com"), new Uri("https://api.binance.com"), false),
            ExchangeVenue.Bybit => testnet
                ? OneBaseUrl(new Uri("https://api-testnet.bybit.com"), true)
                : OneBaseUrl(new Uri("https://api.bybit.com"), false),
            ExchangeVenue.Okx => OneBaseUrl(new Uri("https://www.okx.com"), testnet),
            _ => throw new ArgumentOutOfRangeException(nameof(venue), venue, null),
        };
    }

    /// <summary>One base URL for everything, as for a local simulator or a fake server in tests.</summary>
    public static ExchangeEndpoints OneBaseUrl(Uri baseUrl, bool isTestnet) => new(baseUrl, baseUrl, isTestnet);
}
