namespace Basis.ExchangeSimulator.Accounting;

public enum OrderSide
{
    Buy,
    Sell,
}
