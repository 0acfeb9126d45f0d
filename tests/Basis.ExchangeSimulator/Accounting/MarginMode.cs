namespace Basis.ExchangeSimulator.Accounting;

public enum MarginMode
{
    Cross,
    Isolated,
}
