using Basis.Api.Live;
using Basis.Configuration.Binding;
using Basis.Live.Execution;
using Basis.Live.Safety;
using Basis.Server.Tests.Support;
using Basis.Testing;

namespace Basis.Server.Tests.Live;

/// <summary>
/// Creating a real instance on a host that trades for real (switches on, the chain key set, its account on anvil, the
/// ledger in a real PostgreSQL): its capital must already be in the account's wallet on the chain, and is recorded as
/// its opening funding in the same transaction as the instance.
/// </summary>
public sealed class LiveRealCreationTests(LiveServer live, AnvilChain anvil) : IClassFixture<LiveServer>, IClassFixture<AnvilChain>, IDisposable
{
    private static readonly BasisConfiguration Configuration = BasisConfiguration.Load(Repository.Configs);
    private readonly TempFolder _temp = new();
    private EnvironmentChain? _chain;
    private LiveService? _service;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _chain?.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_real_instance_funded_in_the_wallet_is_stored_with_its_opening_funding_which_is_not_a_capital_flow()
    {
        // Anvil's development account holds 10,000 ETH: 12.5 of them are the instance's capital.
        var created = await Service().CreateAsync(Real("lend for real", 12.5), Configuration, Token);

        var positions = await live.Ledger.RebuildPositionsAsync(created.Instance.Id, Token);
        Assert.Equal(ExecutionKind.Real, created.Instance.ExecutionKind);
        Assert.Equal(("wallet", "ETH", 12.5m), positions.Balances.Select(b => (b.Location, b.Asset, b.Amount)).Single());
        Assert.Empty(await live.Ledger.ListCapitalFlowsAsync(created.Instance.Id, Token));

        // The environment's accounts hold one real instance at a time: a second is refused until the first is retired.
        var second = await Assert.ThrowsAsync<LiveExecutionRefusedException>(() => Service().CreateAsync(Real("second", 1), Configuration, Token));
        Assert.Equal(
            $"the real instance {created.Instance.Id} ('lend for real', paused) already trades this environment's accounts, which hold one real instance at a time: retire it first (DELETE /api/v1/live/{created.Instance.Id}, or basis live retire).",
            Assert.Single(second.Reasons));
        await Service().RetireAsync(created.Instance.Id, Token);
        var after = await Service().CreateAsync(Real("after the first", 1), Configuration, Token);
        await Service().RetireAsync(after.Instance.Id, Token);
    }

    [Fact]
    public async Task A_real_instance_whose_capital_is_not_in_the_wallet_is_refused_and_nothing_is_stored()
    {
        var refused = await Assert.ThrowsAsync<LiveExecutionRefusedException>(() => Service().CreateAsync(Real("underfunded", 20_000), Configuration, Token));

        var reason = Assert.Single(refused.Reasons);
        Assert.Equal("the account's wallet holds 10000 ETH, less than the capital of 20000 ETH: fund it first.", reason);
        Assert.DoesNotContain(await live.Ledger.ListInstancesAsync(Token), i => i.Name == "underfunded");
    }

    [Fact]
    public async Task A_real_instance_off_the_chain_is_refused_since_its_capital_starts_in_the_wallet()
    {
        var refused = await Assert.ThrowsAsync<LiveExecutionRefusedException>(() =>
            Service().CreateAsync(Real("exchanges only", 10) with { Mode = "eth_basis", Venues = ["bybit"], Capital = 10_000 }, Configuration, Token));

        Assert.Equal("a real instance starts from its capital in the account's wallet on the chain: add ethereum to its venues.", Assert.Single(refused.Reasons));
    }

    [Fact]
    public async Task A_usdt_instance_on_a_chain_whose_contracts_list_no_usdt_is_refused_saying_so()
    {
        var refused = await Assert.ThrowsAsync<LiveExecutionRefusedException>(() =>
            Service().CreateAsync(Real("no usdt", 10_000) with { Mode = "pure_lending_usdt" }, Configuration, Token));

        Assert.Equal(
            "the host's chain has no USDT token in its contracts file (configs/venues/ethereum_contracts.yaml, or BASIS_CHAIN_CONTRACTS): the capital can be neither checked nor traded.",
            Assert.Single(refused.Reasons));
    }

    private static LiveCreateRequest Real(string name, double capital) =>
        new(name, "pure_lending_eth", ["ethereum"], Capital: capital, Execution: ExecutionKind.Real);

    /// <summary>
    /// The service as a host that trades for real has it. The test chain's contracts file lists a pool no test here
    /// lends to: only the wallet's native ETH is read.
    /// </summary>
    private LiveService Service() => _service ??= NewService();

    private LiveService NewService()
    {
        var contracts = _temp.Combine("contracts.yaml");
        File.WriteAllText(contracts, $"chains:\n  {AnvilChain.ChainId}:\n    name: anvil\n    aave_v3:\n      pool: \"0x0000000000000000000000000000000000000001\"\n");
        var variables = new Dictionary<string, string>
        {
            ["BASIS_ENVIRONMENT"] = "dev",
            ["BASIS_DEV__ALCHEMY__RPC_URL"] = anvil.RpcUrl,
            ["BASIS_DEV__ALCHEMY__CHAIN_ID"] = "31337",
            ["BASIS_DEV__ALCHEMY__PRIVATE_KEY"] = anvil.PrivateKey(2),
            ["BASIS_DEV__CEX__BYBIT_API_KEY"] = "bybit-test-key",
            ["BASIS_DEV__CEX__BYBIT_API_SECRET"] = "bybit-test-secret",
            [EnvironmentChain.ContractsVariable] = contracts,
        };
        _chain = new EnvironmentChain(name => variables.GetValueOrDefault(name), Repository.Configs);
        var trading = LiveTradingSettings.Default with { Enabled = true, ReadOnly = false };
        return new LiveService(live.Ledger, trading, name => variables.GetValueOrDefault(name), TimeProvider.System, _chain);
    }
}
