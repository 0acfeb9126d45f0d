using Basis.Venues.Exchanges.Binance;
using Basis.Venues.Exchanges.Bybit;
using Basis.Venues.Exchanges.Okx;
using Microsoft.Extensions.Logging;

namespace Basis.Venues.Exchanges;

/// <summary>
/// A venue's client as a host runs it: the endpoints of <c>BASIS_ENVIRONMENT</c> (testnets in dev) and the
/// credentials of that environment (<c>BASIS_{DEV|STAGING|PROD}__CEX__…</c>), withdrawing only to the addresses it is
/// given (none unless told).
/// </summary>
public static class ExchangeClients
{
    /// <summary>
    /// Builds the client of <paramref name="venue"/>. Throws <see cref="ExchangeConfigurationException"/> naming the
    /// first missing or placeholder credential variable (never its value). <paramref name="withdrawalAllowList"/>: the
    /// only addresses it may withdraw to.
    /// </summary>
    public static IPerpExchange Create(
        ExchangeVenue venue, Func<string, string?> getVariable, HttpClient http, TimeProvider? time = null, ILoggerFactory? logs = null, IReadOnlySet<string>? withdrawalAllowList = null)
    {
        var allowed = withdrawalAllowList ?? new HashSet<string>();
        ArgumentNullException.ThrowIfNull(getVariable);
        ArgumentNullException.ThrowIfNull(http);
        var endpoints = ExchangeEndpoints.For(venue, BasisEnvironments.Parse(getVariable(BasisEnvironments.VariableName)));
        return venue switch
        {
            ExchangeVenue.Binance => new BinanceExchangeClient(http, new BinanceClientOptions
            {
                Endpoints = endpoints,
                FuturesCredentials = ExchangeCredentials.FromEnvironment(ExchangeAccountKeys.BinanceFutures, getVariable),
                SpotCredentials = ExchangeCredentials.FromEnvironment(ExchangeAccountKeys.BinanceSpot, getVariable),
                WithdrawalAllowList = allowed,
            }, time, logs?.CreateLogger<BinanceExchangeClient>()),
            ExchangeVenue.Bybit => new BybitExchangeClient(http, new BybitClientOptions
            {
                Endpoints = endpoints,
                Credentials = ExchangeCredentials.FromEnvironment(ExchangeAccountKeys.Bybit, getVariable),
                WithdrawalAllowList = allowed,
            }, time, logs?.CreateLogger<BybitExchangeClient>()),
            ExchangeVenue.Okx => new OkxExchangeClient(http, new OkxClientOptions
            {
                Endpoints = endpoints,
                Credentials = ExchangeCredentials.FromEnvironment(ExchangeAccountKeys.Okx, getVariable),
                WithdrawalAllowList = allowed,
            }, time, logs?.CreateLogger<OkxExchangeClient>()),
            _ => throw new ArgumentOutOfRangeException(nameof(venue), venue, "not an exchange"),
        };
    }
}
