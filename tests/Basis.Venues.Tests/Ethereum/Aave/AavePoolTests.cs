using System.Numerics;
using Basis.Venues.Ethereum.Aave;
using Basis.Venues.Tests.Ethereum.Fixtures;

namespace Basis.Venues.Tests.Ethereum.Aave;

[Collection(EthereumChainDefinition.Name)]
public sealed class AavePoolTests(AaveChainFixture fixture) : IAsyncLifetime
{
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);
    private string? _snapshot;

    public async ValueTask InitializeAsync() => _snapshot = fixture.Chain.IsAvailable ? await fixture.Chain.SnapshotAsync(TestContext.Current.CancellationToken) : null;

    public async ValueTask DisposeAsync()
    {
        if (_snapshot is not null)
        {
            await fixture.Chain.RevertAsync(_snapshot, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task The_deployed_market_lists_three_reserves_at_index_one()
    {
        var market = fixture.Market;
        using var client = fixture.Client(1);
        var pool = new AavePool(client, market.Pool);
        foreach (var reserve in market.Reserves.Values)
        {
            var data = await pool.GetReserveDataAsync(reserve.Asset);
            Assert.Equal(RayMath.Ray, data.LiquidityIndexRay);
            Assert.Equal(reserve.PriceUsd, await pool.GetAssetPriceAsync(reserve.Asset));
        }

        TestContext.Current.SendDiagnosticMessage($"AAVE v3 deployed in {market.Transactions} transactions, {market.Duration.TotalSeconds:F2} s");
        Assert.InRange(market.Duration, TimeSpan.Zero, TimeSpan.FromSeconds(30));
    }
}
