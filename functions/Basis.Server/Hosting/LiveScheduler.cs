using Basis.Api.Live;
using Basis.Live.Schedules;
using Basis.Orchestrations.Live;
using Microsoft.DurableTask.Client;

namespace Basis.Server.Hosting;

/// <summary>
/// The live timers of the self-hosted server (the Functions app has <c>[TimerTrigger]</c> functions instead), on the
/// schedules of <c>configs/schedules/live.yaml</c>: <em>rebalance</em> asks every active instance for a cycle (its
/// durable orchestration serialises them), <em>reconcile</em> asks every real instance to compare its ledger with its
/// venues in the same orchestration, <em>heartbeat</em> records that the runtime is alive. At start all three run
/// once at once: the catch-up after downtime, collapsed to one run (a cycle runs every hour it missed). The
/// schedules follow the live clock (<see cref="LiveClock"/>), which <c>BASIS_LIVE_CLOCK_START</c> can start in the past.
/// </summary>
internal sealed partial class LiveScheduler(LiveRuntime runtime, LiveSchedules schedules, DurableTaskClient engine, LiveClock time, ILogger<LiveScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!runtime.IsConfigured)
        {
            Log.Off(logger, LiveLedgerSource.Setting);
            return;
        }

        try
        {
            var timers = new[] { LiveTimer.Heartbeat, LiveTimer.Rebalance, LiveTimer.Reconcile }.ToDictionary(t => t, t => new ScheduleClock(schedules[t], time));
            var due = timers.Keys.ToDictionary(t => t, _ => time.GetUtcNow());
            while (!stoppingToken.IsCancellationRequested)
            {
                var (timer, at) = due.MinBy(d => d.Value);
                var wait = at - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stoppingToken);
                }

                await FireAsync(timer, at, stoppingToken);
                due[timer] = timers[timer].Next();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping is not a failure.
        }
    }

    private async Task FireAsync(LiveTimer timer, DateTimeOffset at, CancellationToken stoppingToken)
    {
        try
        {
            if (timer == LiveTimer.Heartbeat)
            {
                await runtime.BeatAsync(stoppingToken);
                return;
            }

            if (timer == LiveTimer.Reconcile)
            {
                foreach (var instance in await runtime.InstancesToReconcileAsync(stoppingToken))
                {
                    if (!await LiveSignals.RequestReconcileAsync(engine, instance, at, stoppingToken))
                    {
                        Log.Busy(logger, instance);
                    }
                }

                return;
            }

            foreach (var instance in await runtime.InstancesDueAsync(stoppingToken))
            {
                if (!await LiveSignals.RequestCycleAsync(engine, instance, at, stoppingToken))
                {
                    Log.Busy(logger, instance);
                }
            }
        }
#pragma warning disable CA1031 // A failed firing (the database away for a moment) is logged; the next one tries again.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            Log.Failed(logger, e, timer);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Live timers off: live trading keeps its ledger in PostgreSQL ({Setting} is not set)")]
        public static partial void Off(ILogger logger, string setting);

        [LoggerMessage(Level = LogLevel.Information, Message = "Live instance {Instance} is still in its last cycle; this one is covered by it or the next")]
        public static partial void Busy(ILogger logger, string instance);

        [LoggerMessage(Level = LogLevel.Warning, Message = "The live {Timer} timer failed; it runs again at its next time")]
        public static partial void Failed(ILogger logger, Exception error, LiveTimer timer);
    }
}
