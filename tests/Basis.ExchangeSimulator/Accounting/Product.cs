namespace Basis.ExchangeSimulator.Accounting;

/// <summary>Which market an order trades: the USDT-margined perpetual or the spot pair of the same symbol.</summary>
public enum Product
{
    Perpetual,
    Spot,
}
