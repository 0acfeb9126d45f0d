using Basis.Api.Live;
using Basis.Orchestrations.Live;
using Microsoft.Extensions.Logging;

namespace Basis.FunctionApp.Functions;

/// <summary>
/// Live trading in the Functions app: the cycle activity, and the timers of <c>configs/schedules/live.yaml</c> as
/// <c>[TimerTrigger]</c> functions (their expressions are checked against that file by the app's tests). The rebalance
/// timer asks every active instance for a cycle, which its durable orchestration serialises; the reconcile timer asks
/// every real instance to compare its ledger with its venues in the same orchestration; the heartbeat records that
/// the runtime is alive. A timer's missed runs collapse into one (<c>UseMonitor</c> keeps its schedule status), and a
/// cycle runs every hour it missed. The timers act only in live execution mode and with a ledger database, and follow
/// the live clock.
/// </summary>
public sealed partial class LiveFunctions(LiveRuntime runtime, LiveTimerSwitch timers, LiveClock time, ILogger<LiveFunctions> logger)
{
    /// <summary>The rebalance schedule of configs/schedules/live.yaml: every hour at minute 5.</summary>
    public const string RebalanceSchedule = "0 5 * * * *";

    /// <summary>The reconcile schedule of configs/schedules/live.yaml: every 15 minutes.</summary>
    public const string ReconcileSchedule = "0 */15 * * * *";

    /// <summary>The heartbeat schedule of configs/schedules/live.yaml: every minute.</summary>
    public const string HeartbeatSchedule = "0 * * * * *";

    [Function(nameof(RunLiveCycle))]
    public Task<LiveCycleResult> RunLiveCycleAsync([ActivityTrigger] LiveCycleInput input, string instanceId) =>
        new RunLiveCycle(runtime).RunAsync(new FunctionActivityContext(nameof(RunLiveCycle), instanceId), input);

    [Function("LiveRebalance")]
    public async Task LiveRebalance([TimerTrigger(RebalanceSchedule, UseMonitor = true)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (!Configured())
        {
            return;
        }

        foreach (var instance in await runtime.InstancesDueAsync(cancellationToken))
        {
            await LiveSignals.RequestCycleAsync(client, instance, time.GetUtcNow(), cancellationToken);
        }
    }

    [Function("LiveReconcile")]
    public async Task LiveReconcile([TimerTrigger(ReconcileSchedule, UseMonitor = true)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (!Configured())
        {
            return;
        }

        foreach (var instance in await runtime.InstancesToReconcileAsync(cancellationToken))
        {
            await LiveSignals.RequestReconcileAsync(client, instance, time.GetUtcNow(), cancellationToken);
        }
    }

    [Function("LiveHeartbeat")]
    public async Task LiveHeartbeat([TimerTrigger(HeartbeatSchedule, UseMonitor = true)] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (Configured())
        {
            await runtime.BeatAsync(cancellationToken);
        }
    }

    private bool Configured()
    {
        if (!timers.On)
        {
            Log.Backtest(logger);
        }
        else if (!runtime.IsConfigured)
        {
            Log.Off(logger, LiveLedgerSource.Setting);
        }

        return timers.On && runtime.IsConfigured;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "Live timer skipped: the host runs in backtest execution mode (BASIS_EXECUTION_MODE)")]
        public static partial void Backtest(ILogger logger);

        [LoggerMessage(Level = LogLevel.Information, Message = "Live timer skipped: live trading keeps its ledger in PostgreSQL ({Setting} is not set)")]
        public static partial void Off(ILogger logger, string setting);
    }
}
