namespace Basis.Data.Stores;

/// <summary>
/// Where runs are kept (DESIGN §7): a record per run (its request, status and summary) and its artefacts
/// (<c>summary.json</c>, <c>timeseries.csv</c>, <c>events.jsonl</c>, <c>report.html</c>, and scratch such as
/// simulation segments) as named byte blobs. The local <c>results/</c> folder by default, PostgreSQL when a
/// connection string is configured.
/// </summary>
public interface IResultStore
{
    /// <summary>What the store is, for health reports and logs (never a secret).</summary>
    string Description { get; }

    /// <summary>Creates or replaces the run's record.</summary>
    Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates or replaces the run's record unless the stored one is finished (<see cref="RunStatusExtensions.IsFinished"/>),
    /// as one step: a finished run stays as it ended whoever else writes. False when the stored record was finished.
    /// </summary>
    Task<bool> SaveRunUnlessFinishedAsync(RunRecord run, CancellationToken cancellationToken = default);

    /// <summary>The run's record, or null when the store has never seen the id.</summary>
    Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>The runs the query selects, newest first (by creation time, then id).</summary>
    Task<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default);

    /// <summary>Stores (or replaces) one artefact of a run.</summary>
    Task PutArtefactAsync(string runId, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>The artefact's bytes, or null when it does not exist.</summary>
    Task<byte[]?> GetArtefactAsync(string runId, string name, CancellationToken cancellationToken = default);

    /// <summary>Deletes the run's artefacts whose names start with <paramref name="prefix"/> (scratch clean-up).</summary>
    Task DeleteArtefactsAsync(string runId, string prefix, CancellationToken cancellationToken = default);

    /// <summary>Throws when the store cannot be reached or used (for <c>/health/detailed</c>).</summary>
    Task CheckHealthAsync(CancellationToken cancellationToken = default);
}
