namespace Basis.ExchangeSimulator.Tests.NodeClients;

/// <summary>clients/okx-api.mjs: the okx-api package's RestClient against the OKX subset.</summary>
public sealed class OkxApiRun() : NodeClientRun("okx-api.mjs", "okx-api");
