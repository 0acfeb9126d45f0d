namespace Basis.Venues.Tests.Ethereum.Fixtures;

/// <summary>A test on the shared chain: a snapshot before, a revert after, so no test sees another's state.</summary>
[Collection(EthereumChainDefinition.Name)]
public abstract class ChainTest(EthereumChainFixture fixture) : IAsyncLifetime
{
    private string? _snapshot;

    protected EthereumChainFixture Fixture { get; } = fixture;

    /// <inheritdoc />
    public async ValueTask InitializeAsync() =>
        _snapshot = Fixture.Chain.IsAvailable ? await Fixture.Chain.SnapshotAsync(TestContext.Current.CancellationToken) : null;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_snapshot is not null)
        {
            await Fixture.Chain.RevertAsync(_snapshot, TestContext.Current.CancellationToken);
        }

        GC.SuppressFinalize(this);
    }
}
