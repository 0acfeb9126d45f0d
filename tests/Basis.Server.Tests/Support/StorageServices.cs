using Basis.Testing;

namespace Basis.Server.Tests.Support;

/// <summary>One Azurite and one PostgreSQL, for a test class that needs both (a class fixture).</summary>
public sealed class StorageServices : IAsyncLifetime
{
    public AzuriteServer Azurite { get; } = new();

    public PostgresServer Postgres { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Azurite.InitializeAsync();
        await Postgres.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Azurite.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
