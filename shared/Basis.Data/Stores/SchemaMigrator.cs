using System.Globalization;
using System.Reflection;
using Npgsql;

namespace Basis.Data.Stores;

/// <summary>
/// Applies the embedded migrations to a PostgreSQL database and records each applied version in
/// <c>schema_migrations</c>. Idempotent, and safe when several processes start at once: everything runs in one
/// transaction holding an advisory lock, so a second process waits and then finds the versions applied. Other
/// libraries ship their own migrations (<see cref="Embedded"/>) into the same <c>schema_migrations</c> table, in a
/// version range of their own: Basis.Data 1–999, Basis.Live 1001–1999.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>The advisory-lock key every Basis process takes while migrating ("basis" in ASCII).</summary>
    public const long LockKey = 0x6261736973;

    private const string ResourcePrefix = "Basis.Data.Stores.Migrations.";

    /// <summary>Every migration shipped in this assembly, by version.</summary>
    public static IReadOnlyList<SchemaMigration> Migrations { get; } = Embedded(typeof(SchemaMigrator).Assembly, ResourcePrefix);

    /// <summary>Applies this assembly's migrations the database lacks; returns the versions applied now (empty when up to date).</summary>
    public static Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default) =>
        MigrateAsync(dataSource, Migrations, cancellationToken);

    /// <summary>
    /// Applies those of <paramref name="migrations"/> the database lacks; returns the versions applied now. A version
    /// already applied under another name is an error: two libraries' migrations must never share a number.
    /// </summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, IReadOnlyList<SchemaMigration> migrations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(migrations);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({LockKey.ToString(CultureInfo.InvariantCulture)})", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_utc timestamptz NOT NULL DEFAULT now())", cancellationToken).ConfigureAwait(false);

        var applied = new Dictionary<int, string>();
        await using (var select = new NpgsqlCommand("SELECT version, name FROM schema_migrations", connection))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetInt32(0), reader.GetString(1));
            }
        }

        if (migrations.FirstOrDefault(m => applied.TryGetValue(m.Version, out var name) && name != m.Name) is { } clash)
        {
            throw new InvalidOperationException($"Migration {clash.Version:D4}_{clash.Name}.sql has the version of the applied migration '{applied[clash.Version]}'.");
        }

        var now = new List<int>();
        foreach (var migration in migrations.Where(m => !applied.ContainsKey(m.Version)))
        {
            try
            {
                await ExecuteAsync(connection, migration.Sql, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e)
            {
                throw new InvalidOperationException($"Migration {migration.Version:D4}_{migration.Name}.sql failed: {e.MessageText}", e);
            }

            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES (@version, @name)", connection);
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("name", migration.Name);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            now.Add(migration.Version);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return now;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The migrations embedded in <paramref name="assembly"/> as resources named <paramref name="resourcePrefix"/> +
    /// <c>NNNN_name.sql</c>, by version.
    /// </summary>
    public static IReadOnlyList<SchemaMigration> Embedded(Assembly assembly, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrEmpty(resourcePrefix);
        var migrations = new List<SchemaMigration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(resourcePrefix, StringComparison.Ordinal)))
        {
            var file = resource[resourcePrefix.Length..];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            if (underscore != 4 || !int.TryParse(file.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || !file.EndsWith(".sql", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Embedded migration '{file}' is not named NNNN_name.sql.");
            }

            migrations.Add(new SchemaMigration(version, file[(underscore + 1)..^4], ReadText(assembly, resource)));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        var duplicate = migrations.Zip(migrations.Skip(1)).FirstOrDefault(p => p.First.Version == p.Second.Version);
        return duplicate.First is null ? migrations : throw new InvalidOperationException($"Two embedded migrations have version {duplicate.First.Version:D4}.");
    }

    private static string ReadText(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
