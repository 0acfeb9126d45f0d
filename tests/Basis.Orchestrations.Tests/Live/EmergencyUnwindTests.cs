using Basis.Core.Events;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.Tests.Support;

namespace Basis.Orchestrations.Tests.Live;

/// <summary>The emergency unwind the stop loss asks for, for every mode over the bundled sample.</summary>
public sealed class EmergencyUnwindTests
{
    public static TheoryData<string> Modes => [.. StrategyCatalog.Implemented.Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task An_unwind_hour_closes_every_position_into_cash_and_attribution_still_reconciles(string mode)
    {
        var workspace = SampleWorkspace.Create();
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var prepared = workspace.Prepare("unwind-" + mode, new BacktestRequest(mode, start, start.AddHours(49)));
        var market = await workspace.MarketAsync(prepared, TestContext.Current.CancellationToken);
        var simulation = BacktestSimulation.Start(prepared.Spec, prepared.Strategy, market);

        var entered = simulation.RunUntil(48);
        simulation.UnwindNextHour("test: unwind everything");
        var unwound = simulation.RunUntil(49);
        var result = BacktestSimulation.Assemble(prepared.Spec, StrategyCatalog.Create(prepared.Spec.Mode), market, simulation.Checkpoint(), [entered, unwound], TimeSpan.Zero);

        var decisions = unwound.Events.OfType<RebalanceEvent>().ToList();
        Assert.Equal(StrategyActions.ExitFull, decisions[0].Action);
        Assert.All(decisions.Skip(1), d => Assert.EndsWith("for the emergency unwind", d.Reason, StringComparison.Ordinal));
        // What is left is dust: a perp hedging the last bits of ETH on chain, interest accrued since the sums were made.
        var capital = prepared.Spec.InitialCapital;
        var left = result.FinalPositions
            .Where(p => !p.Key.StartsWith("wallet:BaseToken:", StringComparison.Ordinal) && !p.Key.Contains(":BaseToken:USDT", StringComparison.Ordinal))
            .Where(p => Math.Abs(p.Value) > (p.Key.Contains(":Perp:", StringComparison.Ordinal) ? 0.01 : 1e-4 * capital))
            .ToList();
        Assert.True(left.Count == 0, $"{mode} still holds {string.Join(", ", left.Select(p => $"{p.Key} {p.Value}"))}");

        // A 10x loop sells ten times its equity of LST on a DEX: unwinding it costs a few percent; anything else far less.
        var equity = result.Timeseries.Column("equity");
        var cost = 1 - (equity[^1] / equity[^2]);
        Assert.True(cost < (mode.Contains("leveraged", StringComparison.Ordinal) ? 0.06 : 0.005), $"{mode}: unwinding cost {cost:P2} of equity");
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-6 * prepared.Spec.InitialCapital);
    }
}
