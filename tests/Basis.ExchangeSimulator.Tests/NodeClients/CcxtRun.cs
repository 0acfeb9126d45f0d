namespace Basis.ExchangeSimulator.Tests.NodeClients;

/// <summary>clients/binance-ccxt.mjs: ccxt's binanceusdm against the Binance subset.</summary>
public sealed class CcxtRun() : NodeClientRun("binance-ccxt.mjs", "ccxt");
