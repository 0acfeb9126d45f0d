using Basis.Core.Instruments;
using Basis.Core.Simulation;

namespace Basis.Core.Strategies;

/// <summary>
/// A strategy mode's decision logic: each hour, after interest, funding and prices have been applied, it looks
/// at its positions and the market through the context and acts by submitting intents to it
/// (<see cref="StrategyContext.Submit"/>). It never touches a desk or a venue, so the same decisions drive a
/// backtest, paper trading and real trading.
/// </summary>
public interface IStrategy
{
    /// <summary>Canonical mode name.</summary>
    string Mode { get; }

    /// <summary>
    /// Every position the strategy may hold. The engine values exactly these, reads exactly the series they need,
    /// and rejects a change to any other position.
    /// </summary>
    IReadOnlyList<Instrument> Instruments { get; }

    /// <summary>The asset whose net delta the run tracks, or null when the strategy has no price exposure to manage.</summary>
    Asset? RiskAsset { get; }

    /// <summary>Reward programs the strategy takes part in (empty for most).</summary>
    IReadOnlyList<RewardProgram> Rewards { get; }

    /// <summary>Decides and acts for the hour; hour 0 is the entry.</summary>
    void OnHour(StrategyContext context);

    /// <summary>
    /// Unwinds positions pro rata until the wallet holds at least <paramref name="amountSc"/> of the share class'
    /// asset: for a withdrawal that idle funds alone (the fast path) cannot pay, or, with the whole equity, for the
    /// emergency unwind. <paramref name="purpose"/> says which, for the decisions' text ("a capital withdrawal").
    /// </summary>
    void RaiseCash(StrategyContext context, double amountSc, string purpose);

    /// <summary>
    /// Writes what the strategy carries from one hour to the next beyond its positions (which the engine keeps), so
    /// that a run can continue in a fresh instance created from the same settings (<see cref="BacktestSimulation.Resume"/>).
    /// A strategy that decides from its positions and the market alone writes nothing.
    /// </summary>
    void WriteState(BinaryWriter writer);

    /// <summary>Restores, into a fresh instance created from the same settings, what <see cref="WriteState"/> wrote.</summary>
    void ReadState(BinaryReader reader);
}
