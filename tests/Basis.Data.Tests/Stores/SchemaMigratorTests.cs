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
    public async Task Another_library_migrates_into_the_same_table_but_never_under_a_taken_version()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        await SchemaMigrator.MigrateAsync(dataSource, TestContext.Current.CancellationToken);

        var own = await SchemaMigrator.MigrateAsync(dataSource, [new SchemaMigration(1001, "other_library", "CREATE TABLE other_library (id integer)")], TestContext.Current.CancellationToken);
        var clash = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SchemaMigrator.MigrateAsync(dataSource, [new SchemaMigration(2, "not_market_data", "SELECT 1")], TestContext.Current.CancellationToken));

        Assert.Equal([1001], own);
        Assert.Equal(SchemaMigrator.Migrations.Count + 1, await CountAsync(dataSource));
        Assert.Equal("Migration 0002_not_market_data.sql has the version of the applied migration 'market_data'.", clash.Message);
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
