namespace Basis.ExchangeSimulator.Tests.NodeClients;

/// <summary>clients/binance-ccxt-spot.mjs: ccxt's binance (spot) against the Binance spot subset.</summary>
public sealed class CcxtSpotRun() : NodeClientRun("binance-ccxt-spot.mjs", "ccxt");
