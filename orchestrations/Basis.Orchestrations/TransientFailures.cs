using System.Data.Common;
using Microsoft.DurableTask;

namespace Basis.Orchestrations;

/// <summary>
/// When an activity is worth running again: it failed on I/O (a blob, a database, the network), which may pass.
/// Anything else (bad data, a strategy that cannot be set up, a bug) fails the same way every time, so it is not
/// retried: a failed run says why at once.
/// </summary>
public static class TransientFailures
{
    /// <summary>Three attempts, 1 s then 2 s apart, for transient failures only.</summary>
    public static TaskOptions Retry { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2)
    {
        HandleFailure = IsTransient,
    });

    /// <summary>True for I/O, timeouts, database and storage service errors.</summary>
    public static bool IsTransient(TaskFailureDetails failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.IsCausedBy<IOException>() || failure.IsCausedBy<TimeoutException>() || failure.IsCausedBy<DbException>()
            || failure.IsCausedBy<System.Net.Http.HttpRequestException>() || failure.ErrorType == "Azure.RequestFailedException";
    }
}
