using Basis.Configuration.Binding;
using Basis.Core.Market;
using Basis.Core.Results;
using Basis.Core.Strategies;
using Basis.Core.Stress;
using Basis.Core.Time;

namespace Basis.Orchestrations.Backtests;

/// <summary>A request resolved against the configuration: everything an activity needs to simulate or assemble it.</summary>
/// <param name="Resolved">The mode's merged configuration.</param>
/// <param name="Spec">The engine's spec.</param>
/// <param name="Strategy">A fresh strategy instance (strategies carry state: never share one between runs).</param>
/// <param name="Series">The series the run reads.</param>
/// <param name="Shocks">Stress shocks applied to the data.</param>
public sealed record PreparedBacktest(ResolvedMode Resolved, BacktestSpec Spec, IStrategy Strategy, IReadOnlyList<SeriesRequest> Series, IReadOnlyList<MarketShock> Shocks)
{
    /// <summary>The run's hours.</summary>
    public HourGrid Grid => new(Spec.StartUtc, Spec.EndUtc);
}

