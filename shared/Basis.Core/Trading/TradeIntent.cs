namespace Basis.Core.Trading;

/// <summary>
/// Something a strategy wants done, as data: an order, a transfer, an AAVE or staking step, or an atomic on-chain
/// plan. Strategies emit intents; an <see cref="IExecutionDesk"/> carries them out (filled by the simulator in a
/// backtest and in paper trading, sent to the venues in real trading), so the same decisions drive every mode.
/// </summary>
/// <param name="Reason">Why the strategy wants it, for the events and the ledger.</param>
public abstract record TradeIntent(string Reason)
{
    /// <summary>
    /// The same intent with every amount multiplied by <paramref name="factor"/>, to carry out a large intent in
    /// parts (a plan's steps all scale, so each part is a complete plan).
    /// </summary>
    public abstract TradeIntent ScaledBy(double factor);
}
