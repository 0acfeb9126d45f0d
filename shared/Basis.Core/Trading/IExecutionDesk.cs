namespace Basis.Core.Trading;

/// <summary>
/// Carries out a strategy's intents. The simulated desk fills them at the hour's prices with the backtest's cost
/// model (backtests and paper trading); the live desks gate them and send them to the venues.
/// </summary>
public interface IExecutionDesk
{
    /// <summary>Records a decision to act (entry, rebalance, exit, dust sale) and why.</summary>
    void Decide(string action, string reason);

    /// <summary>
    /// Carries the intent out, in full, before returning. Returns false when the desk refused it (an atomic plan that
    /// could not be done or would breach its health-factor floor); the refusal and its reason are recorded.
    /// </summary>
    bool Execute(TradeIntent intent);
}
