using System.Collections.Concurrent;

namespace Basis.Data.Stores;

/// <summary>
/// A result store in process memory: scratch space for an embedded host, whose orchestrations live in memory too
/// (so nothing it holds could outlive the state that refers to it), and a store for tests.
/// </summary>
public sealed class MemoryResultStore : IResultStore
{
    private readonly ConcurrentDictionary<string, RunRecord> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string RunId, string Name), byte[]> _artefacts = new();

    /// <inheritdoc />
    public string Description => "in-memory (this process)";

    /// <inheritdoc />
    public Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        _runs[run.RunId] = run;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> SaveRunUnlessFinishedAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        while (true)
        {
            if (!_runs.TryGetValue(run.RunId, out var stored))
            {
                if (_runs.TryAdd(run.RunId, run))
                {
                    return Task.FromResult(true);
                }
            }
            else if (stored.Status.IsFinished())
            {
                return Task.FromResult(false);
            }
            else if (_runs.TryUpdate(run.RunId, run, stored))
            {
                return Task.FromResult(true);
            }
        }
    }

    /// <inheritdoc />
    public Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_runs.TryGetValue(runId, out var run) ? run : null);

    /// <inheritdoc />
    public Task<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        return Task.FromResult<IReadOnlyList<RunRecord>>(_runs.Values
            .Where(query.Matches)
            .OrderByDescending(r => r.CreatedUtc)
            .ThenByDescending(r => r.RunId, StringComparer.Ordinal)
            .Take(query.Limit)
            .ToList());
    }

    /// <inheritdoc />
    public Task PutArtefactAsync(string runId, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        _artefacts[(runId, name)] = content.ToArray();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<byte[]?> GetArtefactAsync(string runId, string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_artefacts.TryGetValue((runId, name), out var content) ? content : null);

    /// <inheritdoc />
    public Task DeleteArtefactsAsync(string runId, string prefix, CancellationToken cancellationToken = default)
    {
        foreach (var key in _artefacts.Keys.Where(k => k.RunId == runId && k.Name.StartsWith(prefix, StringComparison.Ordinal)))
        {
            _artefacts.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CheckHealthAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}
