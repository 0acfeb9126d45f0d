using Basis.Api.Runs;
using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.Hosting;
using Microsoft.DurableTask.Client;

namespace Basis.Server.Hosting;

/// <summary>
/// Keeps run records true without anyone asking: every few seconds, unfinished records are brought in line with the
/// engine (<see cref="RunService.ReconcileAsync"/>). At start, an embedded engine has forgotten everything, so a record
/// left unfinished by an earlier process is recorded as failed at once, with the reason.
/// </summary>
internal sealed partial class RunReconciler(DurableTaskClient engine, DurableTaskEngine host, BacktestWorkspace workspace, ILogger<RunReconciler> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var runs = new RunService(engine, workspace);
        using var timer = new PeriodicTimer(Every);
        try
        {
            await ReconcileEveryFewSecondsAsync(runs, timer, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping is not a failure. Left to the host, it would be logged as fatal, ahead of the real reason when
            // the host stops before it ever started (its port taken).
        }
    }

    private async Task ReconcileEveryFewSecondsAsync(RunService runs, PeriodicTimer timer, CancellationToken stoppingToken)
    {
        var first = true;
        do
        {
            try
            {
                // Embedded: nothing that started before this process can still be running. Durable: a record may wait
                // a little for its orchestration (another process may be starting it).
                var lostIfUnchangedSince = first && host.Options.Backend == DurableTaskBackend.Embedded ? _started : DateTimeOffset.UtcNow - RunService.SchedulingGrace;
                if (await runs.ReconcileAsync(lostIfUnchangedSince, stoppingToken) is > 0 and var changed)
                {
                    Log.Reconciled(logger, changed);
                }
            }
#pragma warning disable CA1031 // A failed pass (the database away for a moment) is logged; the next one tries again.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                Log.Failed(logger, e, Every.TotalSeconds);
            }

            first = false;
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Brought {Count} run record(s) in line with the engine")]
        public static partial void Reconciled(ILogger logger, int count);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciling run records failed; retrying in {Seconds} s")]
        public static partial void Failed(ILogger logger, Exception error, double seconds);
    }
}
