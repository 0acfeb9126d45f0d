namespace Basis.ExchangeSimulator.Accounting;

public enum OrderStatus
{
    New,
    PartiallyFilled,
    Filled,
    Canceled,
}
