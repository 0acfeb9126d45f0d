using Npgsql;
using NpgsqlTypes;

namespace Basis.Data.Stores;

/// <summary>
/// Runs in PostgreSQL (tables <c>runs</c> and <c>run_artefacts</c>, see <c>Stores/Migrations</c>). Request and
/// summary are kept as <c>jsonb</c>, so they come back equal in meaning, not byte for byte (key order and spacing
/// are PostgreSQL's); the <c>summary.json</c> artefact keeps the exact bytes.
/// </summary>
public sealed class PostgresResultStore : IResultStore, IAsyncDisposable
{
    private const string Columns = "run_id, kind, status, request::text, created_utc, updated_utc, summary::text, error";
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;

    private PostgresResultStore(NpgsqlDataSource dataSource, bool ownsDataSource)
    {
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        Description = PostgresText.Describe(dataSource);
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>Migrates the schema and returns a store on <paramref name="dataSource"/> (which the caller keeps owning).</summary>
    public static async Task<PostgresResultStore> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await SchemaMigrator.MigrateAsync(dataSource, cancellationToken).ConfigureAwait(false);
        return new PostgresResultStore(dataSource, ownsDataSource: false);
    }

    /// <summary>Migrates the schema and returns a store with its own connection pool (disposed with the store).</summary>
    public static async Task<PostgresResultStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            await SchemaMigrator.MigrateAsync(dataSource, cancellationToken).ConfigureAwait(false);
            return new PostgresResultStore(dataSource, ownsDataSource: true);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken = default) => UpsertRunAsync(run, string.Empty, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> SaveRunUnlessFinishedAsync(RunRecord run, CancellationToken cancellationToken = default) =>
        await UpsertRunAsync(run, "WHERE runs.status NOT IN ('Completed', 'Failed', 'Terminated')", cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Inserts or replaces the record, replacing only where <paramref name="condition"/> holds; returns the rows written.</summary>
    private async Task<int> UpsertRunAsync(RunRecord run, string condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        StoreNames.RunId(run.RunId);
        await using var command = _dataSource.CreateCommand(
            $"""
            INSERT INTO runs (run_id, kind, status, request, created_utc, updated_utc, summary, error)
            VALUES (@run_id, @kind, @status, @request, @created_utc, @updated_utc, @summary, @error)
            ON CONFLICT (run_id) DO UPDATE SET kind = excluded.kind, status = excluded.status, request = excluded.request,
                created_utc = excluded.created_utc, updated_utc = excluded.updated_utc, summary = excluded.summary, error = excluded.error
            {condition}
            """);
        command.Parameters.AddWithValue("run_id", run.RunId);
        command.Parameters.AddWithValue("kind", run.Kind);
        command.Parameters.AddWithValue("status", run.Status.ToString());
        command.Parameters.AddWithValue("request", NpgsqlDbType.Jsonb, run.RequestJson);
        command.Parameters.AddWithValue("created_utc", run.CreatedUtc.UtcDateTime);
        command.Parameters.AddWithValue("updated_utc", run.UpdatedUtc.UtcDateTime);
        command.Parameters.AddWithValue("summary", NpgsqlDbType.Jsonb, (object?)run.SummaryJson ?? DBNull.Value);
        command.Parameters.AddWithValue("error", NpgsqlDbType.Text, (object?)run.Error ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        StoreNames.RunId(runId);
        await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM runs WHERE run_id = @run_id");
        command.Parameters.AddWithValue("run_id", runId);
        var runs = await ReadRunsAsync(command, cancellationToken).ConfigureAwait(false);
        return runs.Count == 0 ? null : runs[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        // COLLATE "C": ids tie-break ordinally, as in the folder store, whatever the database's locale.
        await using var command = _dataSource.CreateCommand(
            $"""
            SELECT {Columns} FROM runs
            WHERE (@kind IS NULL OR kind = @kind) AND (@statuses IS NULL OR status = ANY(@statuses))
            ORDER BY created_utc DESC, run_id COLLATE "C" DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("kind", NpgsqlDbType.Text, (object?)query.Kind ?? DBNull.Value);
        command.Parameters.AddWithValue("statuses", NpgsqlDbType.Array | NpgsqlDbType.Text, (object?)query.Statuses?.Select(s => s.ToString()).ToArray() ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", query.Limit);
        return await ReadRunsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task PutArtefactAsync(string runId, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        StoreNames.RunId(runId);
        StoreNames.Artefact(name);
        await using var command = _dataSource.CreateCommand(
            """
            INSERT INTO run_artefacts (run_id, name, content) VALUES (@run_id, @name, @content)
            ON CONFLICT (run_id, name) DO UPDATE SET content = excluded.content, updated_utc = now()
            """);
        command.Parameters.AddWithValue("run_id", runId);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("content", NpgsqlDbType.Bytea, content);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<byte[]?> GetArtefactAsync(string runId, string name, CancellationToken cancellationToken = default)
    {
        StoreNames.RunId(runId);
        StoreNames.Artefact(name);
        await using var command = _dataSource.CreateCommand("SELECT content FROM run_artefacts WHERE run_id = @run_id AND name = @name");
        command.Parameters.AddWithValue("run_id", runId);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
    }

    /// <inheritdoc />
    public async Task DeleteArtefactsAsync(string runId, string prefix, CancellationToken cancellationToken = default)
    {
        StoreNames.RunId(runId);
        StoreNames.Prefix(prefix);
        // starts_with, not LIKE: '_' in a prefix is a character, not a wildcard.
        await using var command = _dataSource.CreateCommand("DELETE FROM run_artefacts WHERE run_id = @run_id AND starts_with(name, @prefix)");
        command.Parameters.AddWithValue("run_id", runId);
        command.Parameters.AddWithValue("prefix", prefix);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task CheckHealthAsync(CancellationToken cancellationToken = default) => PostgresText.PingAsync(_dataSource, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _ownsDataSource ? _dataSource.DisposeAsync() : ValueTask.CompletedTask;

    private static async Task<List<RunRecord>> ReadRunsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var runs = new List<RunRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var status = reader.GetString(2);
            runs.Add(new RunRecord(
                reader.GetString(0),
                reader.GetString(1),
                Enum.TryParse<RunStatus>(status, ignoreCase: false, out var parsed) ? parsed : throw new InvalidDataException($"runs.status of run '{reader.GetString(0)}' is '{status}', not a RunStatus"),
                reader.GetString(3),
                new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero),
                new DateTimeOffset(reader.GetDateTime(5), TimeSpan.Zero),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return runs;
    }
}
