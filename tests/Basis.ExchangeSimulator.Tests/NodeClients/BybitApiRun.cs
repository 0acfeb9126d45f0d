namespace Basis.ExchangeSimulator.Tests.NodeClients;

/// <summary>clients/bybit-api.mjs: the bybit-api package's RestClientV5 against the Bybit subset.</summary>
public sealed class BybitApiRun() : NodeClientRun("bybit-api.mjs", "bybit-api");
