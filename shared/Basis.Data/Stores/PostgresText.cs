using Npgsql;

namespace Basis.Data.Stores;

/// <summary>What the PostgreSQL-backed classes share: a secret-free description and the health query.</summary>
internal static class PostgresText
{
    /// <summary>Host, port and database; never the user or password.</summary>
    public static string Describe(NpgsqlDataSource dataSource)
    {
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return $"PostgreSQL {settings.Host}:{settings.Port}/{settings.Database}";
    }

    /// <summary>A trivial query; throws when the server cannot be reached or refuses the connection.</summary>
    public static async Task PingAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
