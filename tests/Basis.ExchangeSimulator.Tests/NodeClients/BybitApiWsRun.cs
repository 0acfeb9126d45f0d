namespace Basis.ExchangeSimulator.Tests.NodeClients;

/// <summary>clients/bybit-api-ws.mjs: the bybit-api package's WebsocketClient on the Bybit private stream.</summary>
public sealed class BybitApiWsRun() : NodeClientRun("bybit-api-ws.mjs", "bybit-api");
