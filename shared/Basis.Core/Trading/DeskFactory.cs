namespace Basis.Core.Trading;

/// <summary>
/// Builds the desk a strategy's intents go to from the simulated desk that fills them and a way to price an intent
/// at the hour's prices: a safety gate in front of the simulated desk for paper trading, for instance.
/// </summary>
public delegate IExecutionDesk DeskFactory(IExecutionDesk simulated, Func<TradeIntent, double> notionalUsd);
