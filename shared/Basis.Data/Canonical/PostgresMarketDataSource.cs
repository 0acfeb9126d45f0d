using Basis.Core.Market;
using Basis.Data.Stores;
using Npgsql;
using NpgsqlTypes;

namespace Basis.Data.Canonical;

/// <summary>
/// Market data from PostgreSQL (<c>BASIS_DATA_MODE=db</c>): table <c>market_months</c>, one row per series per
/// month holding the month file's bytes (<c>Stores/Migrations/0002_market_data.sql</c>); an absent row reads as
/// no rows, like a missing file.
/// </summary>
public sealed class PostgresMarketDataSource : CanonicalMonthSource, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;

    private PostgresMarketDataSource(NpgsqlDataSource dataSource, bool ownsDataSource)
    {
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        Description = PostgresText.Describe(dataSource) + " market_months";
    }

    /// <inheritdoc />
    public override string Description { get; }

    /// <summary>Migrates the schema and returns a source on <paramref name="dataSource"/> (which the caller keeps owning).</summary>
    public static async Task<PostgresMarketDataSource> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await SchemaMigrator.MigrateAsync(dataSource, cancellationToken).ConfigureAwait(false);
        return new PostgresMarketDataSource(dataSource, ownsDataSource: false);
    }

    /// <summary>Migrates the schema and returns a source with its own connection pool (disposed with the source).</summary>
    public static async Task<PostgresMarketDataSource> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            await SchemaMigrator.MigrateAsync(dataSource, cancellationToken).ConfigureAwait(false);
            return new PostgresMarketDataSource(dataSource, ownsDataSource: true);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public override Task CheckHealthAsync(CancellationToken cancellationToken) => PostgresText.PingAsync(_dataSource, cancellationToken);

    /// <inheritdoc />
    public override Task PrepareForUploadAsync(CancellationToken cancellationToken) => Task.CompletedTask; // OpenAsync migrated

    /// <inheritdoc />
    public override async Task WriteMonthAsync(SeriesId id, int year, int month, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            """
            INSERT INTO market_months (series, year, month, content) VALUES (@series, @year, @month, @content)
            ON CONFLICT (series, year, month) DO UPDATE SET content = excluded.content, updated_utc = now()
            """);
        command.Parameters.AddWithValue("series", id.Value);
        command.Parameters.AddWithValue("year", year);
        command.Parameters.AddWithValue("month", month);
        command.Parameters.AddWithValue("content", NpgsqlDbType.Bytea, content);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<DateTime>> MonthsAsync(SeriesId id, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT year, month FROM market_months WHERE series = @series ORDER BY year, month");
        command.Parameters.AddWithValue("series", id.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var months = new List<DateTime>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            months.Add(new DateTime(reader.GetInt32(0), reader.GetInt32(1), 1, 0, 0, 0, DateTimeKind.Utc));
        }

        return months;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _ownsDataSource ? _dataSource.DisposeAsync() : ValueTask.CompletedTask;

    /// <inheritdoc />
    protected override async Task<byte[]?> ReadMonthAsync(SeriesId id, int year, int month, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT content FROM market_months WHERE series = @series AND year = @year AND month = @month");
        command.Parameters.AddWithValue("series", id.Value);
        command.Parameters.AddWithValue("year", year);
        command.Parameters.AddWithValue("month", month);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
    }
}
