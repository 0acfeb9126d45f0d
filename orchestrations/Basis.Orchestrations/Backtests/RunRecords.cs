using Basis.Data.Stores;

namespace Basis.Orchestrations.Backtests;

/// <summary>Moves a run's record through its statuses, keeping what was recorded at submission.</summary>
public static class RunRecords
{
    /// <summary>
    /// Records <paramref name="status"/> for the run; creates the record (with <paramref name="requestJson"/>, or
    /// <c>{}</c> when the caller has none) when the run was started without one, e.g. from the command line.
    /// </summary>
    public static async Task SetStatusAsync(IResultStore store, string runId, string kind, RunStatus status, string? requestJson = null, string? summaryJson = null, string? error = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var now = DateTimeOffset.UtcNow;
        var existing = await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        var record = existing is null
            ? new RunRecord(runId, kind, status, requestJson ?? "{}", now, now, summaryJson, error)
            : existing with { Status = status, UpdatedUtc = now, SummaryJson = summaryJson ?? existing.SummaryJson, Error = error };
        await store.SaveRunAsync(record, cancellationToken).ConfigureAwait(false);
    }
}
