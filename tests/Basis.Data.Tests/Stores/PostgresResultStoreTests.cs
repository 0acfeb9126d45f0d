using Basis.Data.Stores;
using Basis.Testing;
using Npgsql;

namespace Basis.Data.Tests.Stores;

/// <summary>The contract on a real PostgreSQL; each test gets its own database.</summary>
public sealed class PostgresResultStoreTests(PostgresServer server) : ResultStoreContract, IAsyncDisposable
{
    private readonly List<NpgsqlDataSource> _dataSources = [];
    private string? _database;

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }
    }

    protected override async Task<IResultStore> OpenAsync()
    {
        _database = await server.CreateDatabaseAsync();
        return await ReopenAsync();
    }

    /// <summary>A new connection pool and store on the same database: a restarted process.</summary>
    protected override async Task<IResultStore> ReopenAsync()
    {
        var dataSource = NpgsqlDataSource.Create(_database!);
        _dataSources.Add(dataSource);
        return await PostgresResultStore.OpenAsync(dataSource, TestContext.Current.CancellationToken);
    }
}
