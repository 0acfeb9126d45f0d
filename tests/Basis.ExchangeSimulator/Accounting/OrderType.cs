namespace Basis.ExchangeSimulator.Accounting;

public enum OrderType
{
    Market,
    Limit,
}
