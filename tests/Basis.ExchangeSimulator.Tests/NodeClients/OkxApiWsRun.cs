namespace Basis.ExchangeSimulator.Tests.NodeClients;

/// <summary>clients/okx-api-ws.mjs: the okx-api package's WebsocketClient on the OKX private stream.</summary>
public sealed class OkxApiWsRun() : NodeClientRun("okx-api-ws.mjs", "okx-api");
