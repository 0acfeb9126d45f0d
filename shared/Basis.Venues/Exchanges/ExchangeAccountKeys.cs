namespace Basis.Venues.Exchanges;

/// <summary>Which API key set to load: Binance keeps separate keys for spot and futures.</summary>
public enum ExchangeAccountKeys
{
    BinanceSpot,
    BinanceFutures,
    Bybit,
    Okx,
}
