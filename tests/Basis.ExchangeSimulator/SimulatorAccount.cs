namespace Basis.ExchangeSimulator;

/// <summary>
/// An account configured at start: its API key, secret, starting USDT balance (each venue's trading wallet; on Bybit
/// and OKX it also pays for spot), the passphrase OKX keys also carry, and the USDT in Binance's separate spot account.
/// </summary>
public sealed record SimulatorAccount(string ApiKey, string Secret, decimal StartingUsdt, string Passphrase = "", decimal StartingSpotUsdt = 0m);
