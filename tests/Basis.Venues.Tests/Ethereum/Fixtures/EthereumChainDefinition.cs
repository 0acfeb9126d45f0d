namespace Basis.Venues.Tests.Ethereum.Fixtures;

/// <summary>The Ethereum tests share one chain and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class EthereumChainDefinition : ICollectionFixture<EthereumChainFixture>
{
    public const string Name = "Ethereum";
}
