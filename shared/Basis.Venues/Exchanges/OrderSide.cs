namespace Basis.Venues.Exchanges;

public enum OrderSide
{
    Buy,
    Sell,
}
