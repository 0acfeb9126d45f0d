namespace Basis.ExchangeSimulator;

/// <summary>An account configured at start: its API key, secret, starting USDT balance and the passphrase OKX keys also carry.</summary>
public sealed record SimulatorAccount(string ApiKey, string Secret, decimal StartingUsdt, string Passphrase = "");
