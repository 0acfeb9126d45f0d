using Basis.Core.Simulation;
using Microsoft.DurableTask;

namespace Basis.Orchestrations.Backtests;

/// <summary>
/// A whole run of up to a year in one activity: resolve the request, read its market data (cached per blob in the
/// process), simulate, keep the results. Idempotent: a re-run after a crash writes the same bytes.
/// </summary>
public sealed class RunBacktest(BacktestWorkspace workspace) : TaskActivity<BacktestRequest, BacktestOutcome>
{
    /// <inheritdoc />
    public override async Task<BacktestOutcome> RunAsync(TaskActivityContext context, BacktestRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var prepared = workspace.Prepare(context.InstanceId, input);
        var market = await workspace.MarketAsync(prepared).ConfigureAwait(false);
        var result = BacktestEngine.Run(prepared.Spec, prepared.Strategy, market);
        return await workspace.KeepAsync(context.InstanceId, input.Keep, result).ConfigureAwait(false);
    }
}
