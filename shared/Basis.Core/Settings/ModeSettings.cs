using Basis.Core.Instruments;
using Basis.Core.Market;
using Basis.Core.Simulation;
using Basis.Core.Strategies;

namespace Basis.Core.Settings;

/// <summary>A strategy mode's validated configuration (configs/modes/{mode}.yaml, merged with overrides).</summary>
/// <param name="Mode">Canonical mode name.</param>
/// <param name="ShareClass">Reporting currency.</param>
/// <param name="Description">One line for listings.</param>
/// <param name="TargetApy">The mode's target APY, for display only.</param>
/// <param name="MaxDrawdown">The mode's drawdown budget, for display only.</param>
/// <param name="Prices">The series that values each asset in USD (e.g. ETH → oracle/aave/ETH-USD).</param>
/// <param name="DataFallbacks">Series allowed to stand in, in order, for a stale series; each use is reported.</param>
/// <param name="Strategy">The strategy's own parameters.</param>
/// <param name="CapitalFlows">Deposits and withdrawals configured in the mode (<c>capital_flows</c>).</param>
public sealed record ModeSettings(
    string Mode,
    ShareClass ShareClass,
    string Description,
    double TargetApy,
    double MaxDrawdown,
    IReadOnlyDictionary<Asset, SeriesId> Prices,
    IReadOnlyDictionary<SeriesId, IReadOnlyList<SeriesId>> DataFallbacks,
    StrategyParameters Strategy,
    IReadOnlyList<CapitalFlow>? CapitalFlows = null);
