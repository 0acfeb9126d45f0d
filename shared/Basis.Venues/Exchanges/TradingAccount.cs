namespace Basis.Venues.Exchanges;

/// <summary>Which of the venue's accounts (and so which market: spot pairs or USDT-margined perpetuals).</summary>
public enum TradingAccount
{
    Spot,
    Futures,
}
