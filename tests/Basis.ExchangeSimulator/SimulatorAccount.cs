namespace Basis.ExchangeSimulator;

/// <summary>An account configured at start: its API key and secret and its starting USDT balance.</summary>
public sealed record SimulatorAccount(string ApiKey, string Secret, decimal StartingUsdt);
