namespace Basis.Venues.Exchanges;

public enum ExchangeVenue
{
    Binance,
    Bybit,
    Okx,
}
