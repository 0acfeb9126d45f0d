using Basis.Data.Stores;
using Basis.Testing;
using Npgsql;

namespace Basis.Data.Tests.Stores;

public sealed class SchemaMigratorTests(PostgresServer server)
{
    [Fact]
    public async Task Migrations_apply_once_and_a_second_run_changes_nothing()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());

        var first = await SchemaMigrator.MigrateAsync(dataSource, TestContext.Current.CancellationToken);
        var second = await SchemaMigrator.MigrateAsync(dataSource, TestContext.Current.CancellationToken);

        Assert.Equal(SchemaMigrator.Migrations.Select(m => m.Version), first);
        Assert.Empty(second);
        Assert.Equal(SchemaMigrator.Migrations.Count, await CountAsync(dataSource));
    }

    [Fact]
    public async Task Processes_starting_at_once_apply_each_migration_exactly_once()
    {
        var database = await server.CreateDatabaseAsync();
        var dataSources = Enumerable.Range(0, 6).Select(_ => NpgsqlDataSource.Create(database)).ToList();
        try
        {
            var applied = await Task.WhenAll(dataSources.Select(d => SchemaMigrator.MigrateAsync(d, TestContext.Current.CancellationToken)));

            Assert.Equal(SchemaMigrator.Migrations.Select(m => m.Version), applied.SelectMany(a => a).Order());
            Assert.Equal(SchemaMigrator.Migrations.Count, await CountAsync(dataSources[0]));
        }
        finally
        {
            foreach (var dataSource in dataSources)
            {
                await dataSource.DisposeAsync();
            }
        }
    }

    [Fact]
    public void Migrations_are_embedded_in_version_order()
    {
        Assert.Equal([1, 2, 3], SchemaMigrator.Migrations.Select(m => m.Version));
        Assert.Equal(["results", "market_data", "runs_by_kind"], SchemaMigrator.Migrations.Select(m => m.Name));
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM schema_migrations");
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
