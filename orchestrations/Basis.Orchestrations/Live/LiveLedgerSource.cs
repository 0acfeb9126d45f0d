using Basis.Live.Ledger;
using Npgsql;

namespace Basis.Orchestrations.Live;

/// <summary>
/// A host's live ledger, in the PostgreSQL database its result store uses, opened (and its tables migrated) on first
/// use: a host whose database is down still starts and says so, and a failed open is tried again on the next call.
/// Without a database the host has no live side (<see cref="IsConfigured"/> is false) and opening says what to set.
/// </summary>
public sealed class LiveLedgerSource : IAsyncDisposable
{
    /// <summary>The setting that names the database.</summary>
    public const string Setting = "BASIS_DATABASE_CONNECTION";

    private readonly NpgsqlDataSource? _dataSource;
    private readonly SemaphoreSlim _opening = new(1, 1);
    private PostgresLiveLedger? _ledger;

    /// <summary>A source on the database of <paramref name="connectionString"/>, or an unconfigured one when it is null or empty.</summary>
    public LiveLedgerSource(string? connectionString)
    {
        _dataSource = connectionString is { Length: > 0 } ? NpgsqlDataSource.Create(connectionString) : null;
    }

    /// <summary>True when a database is configured.</summary>
    public bool IsConfigured => _dataSource is not null;

    /// <summary>The ledger; throws <see cref="InvalidOperationException"/> naming the setting when no database is configured.</summary>
    public async Task<PostgresLiveLedger> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_ledger is { } ledger)
        {
            return ledger;
        }

        var dataSource = _dataSource ?? throw new InvalidOperationException($"Live trading keeps its ledger in PostgreSQL: set {Setting}.");
        await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _ledger ??= await PostgresLiveLedger.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _opening.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _opening.Dispose();
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }
}
