using Basis.Api.Runs;
using Basis.Orchestrations.Backtests;
using Microsoft.Extensions.Logging;

namespace Basis.FunctionApp.Functions;

/// <summary>
/// Keeps run records true without anyone asking, as the server's RunReconciler does: every minute, unfinished records
/// are brought in line with the task hub (<see cref="RunService.ReconcileAsync"/>). Timer triggers run on one instance
/// at a time (the host holds a lease), so passes never overlap; a failed pass is logged by the host and the next tries again.
/// </summary>
public sealed partial class RunRecordsTimer(BacktestWorkspace workspace, ILogger<RunRecordsTimer> logger)
{
    /// <summary>Every minute, at second 0 (six-field NCRONTAB).</summary>
    public const string Schedule = "0 */1 * * * *";

    [Function("ReconcileRunRecords")]
    public async Task ReconcileRunRecords([TimerTrigger(Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (await new RunService(client, workspace).ReconcileAsync(DateTimeOffset.UtcNow - RunService.SchedulingGrace, cancellationToken) is > 0 and var changed)
        {
            Log.Reconciled(logger, changed);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Brought {Count} run record(s) in line with the task hub")]
        public static partial void Reconciled(ILogger logger, int count);
    }
}
