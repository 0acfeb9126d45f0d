using Basis.Live.Execution;
using Basis.Live.Ledger;
using Basis.Live.Reconciliation;
using Basis.Live.Safety;

namespace Basis.Live.Tests.Reconciliation;

/// <summary>How a host reads an instance's venues: the clients of BASIS_ENVIRONMENT with its credentials, or why not.</summary>
public sealed class EnvironmentVenueReadersTests
{
    private static readonly LiveInstance Instance = new(
        "i", "i", "eth_basis", "usdt", 1000m, ["binance", "bybit", "ethereum"], "{}", ExecutionKind.Real, LiveInstanceStatus.Active, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_exchange_without_credentials_and_a_chain_without_its_node_are_unreadable_saying_why()
    {
        // Staging: Binance's four variables are set (placeholders refused elsewhere), Bybit's key is not.
        var variables = new Dictionary<string, string>
        {
            ["BASIS_ENVIRONMENT"] = "staging",
            ["BASIS_STAGING__CEX__BINANCE_SPOT_API_KEY"] = "spot-key",
            ["BASIS_STAGING__CEX__BINANCE_SPOT_API_SECRET"] = "spot-secret",
            ["BASIS_STAGING__CEX__BINANCE_FUTURES_API_KEY"] = "futures-key",
            ["BASIS_STAGING__CEX__BINANCE_FUTURES_API_SECRET"] = "futures-secret",
        };
        using var http = new HttpClient();
        using var chain = new EnvironmentChain(name => variables.GetValueOrDefault(name), Repository.ConfigsDirectory);
        var readers = new EnvironmentVenueReaders(new EnvironmentExchangeClients(name => variables.GetValueOrDefault(name), http, TimeProvider.System), chain).ReadersOf(Instance);

        Assert.Equal(["binance", "bybit", "ethereum"], readers.Keys.Order(StringComparer.Ordinal));
        Assert.IsType<ExchangeReader>(readers["binance"]);
        var bybit = Assert.Single(await readers["bybit"].ReadAsync(Token));
        Assert.Equal("BASIS_STAGING__CEX__BYBIT_API_KEY is not set or empty.", bybit.Failure!.Message);
        Assert.Equal([ChainReader.Wallet, ChainReader.AaveSupplied, ChainReader.AaveBorrowed], readers["ethereum"].Locations);
        var unread = await Assert.ThrowsAsync<ChainSetupException>(() => readers["ethereum"].ReadAsync(Token));
        Assert.Equal("BASIS_STAGING__ALCHEMY__RPC_URL is not set: this host has no account on the chain", unread.Message);
    }

    [Fact]
    public async Task The_chain_of_a_host_without_an_account_on_it_is_unreadable_saying_so()
    {
        using var http = new HttpClient();
        var readers = new EnvironmentVenueReaders(new EnvironmentExchangeClients(_ => null, http, TimeProvider.System)).ReadersOf(Instance);

        var chain = Assert.Single(await readers["ethereum"].ReadAsync(Token));

        Assert.Equal("this host has no account on the chain set up: its balances cannot be reconciled", chain.Failure!.Message);
    }

    [Fact]
    public void Readers_are_built_once_and_shared_by_the_instances_on_the_same_accounts()
    {
        using var http = new HttpClient();
        var readers = new EnvironmentVenueReaders(new EnvironmentExchangeClients(_ => null, http, TimeProvider.System));

        Assert.Same(readers.ReadersOf(Instance)["bybit"], readers.ReadersOf(Instance with { Id = "other" })["bybit"]);
    }
}
