namespace Basis.Venues.Exchanges;

public enum OrderType
{
    Market,
    Limit,
}
