using System.Globalization;
using System.Numerics;
using Basis.Live.Execution;
using Basis.Live.Reconciliation;
using Basis.Live.Tests.Reconciliation;
using Basis.Testing;
using Basis.Venues.Ethereum;
using Basis.Venues.Tests.Ethereum.Fixtures;

namespace Basis.Live.Tests.Execution;

/// <summary>
/// A host's account on the chain from its environment, against the real AAVE v3 on anvil: it signs for the chain it
/// was told, with the contracts of that chain's file, reads the wallet and AAVE, and says which setting is wrong
/// (naming variables and files, never a value) when it cannot be opened.
/// </summary>
public sealed class EnvironmentChainTests(AaveChainFixture fixture) : IClassFixture<AaveChainFixture>, IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("basis-chain-");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Delete(recursive: true);

    [Fact]
    public async Task An_account_opened_from_the_environment_trades_the_listed_tokens_and_reads_the_wallet_and_aave()
    {
        var market = fixture.Market;
        var snapshot = await fixture.Chain.SnapshotAsync(Cancel);
        try
        {
            using var funder = fixture.Client(1);
            await funder.SendAsync(market.Usdt, new MintFunction { Account = funder.Account.Address, Value = 2_500 * BigInteger.Pow(10, 6) }, Cancel);
            var variables = Variables(fixture.WriteContractsFile(_temp.FullName));
            using var chain = new EnvironmentChain(name => variables.GetValueOrDefault(name), Repository.ConfigsDirectory);

            var execution = await chain.ExecutionAsync(Cancel);
            var readings = await chain.Reader().ReadAsync(Cancel);

            Assert.Equal(funder.Account.Address, execution.Client.Account.Address);
            Assert.Equal(market.Pool, execution.Aave.Address);
            Assert.Equal([("USDT", 6), ("WETH", 18), ("weETH", 18)], execution.Tokens.Select(t => (t.Symbol, t.Decimals)));
            Assert.Same(execution, await chain.ExecutionAsync(Cancel));
            var wallet = Assert.Single(readings, r => r.Location == ChainReader.Wallet);
            Assert.Equal(("USDT", 2_500m), wallet.Balances.Where(b => b.Asset != ChainReader.NativeEth).Select(b => (b.Asset, b.Amount)).Single());
            Assert.Equal([ChainReader.Wallet, ChainReader.AaveSupplied, ChainReader.AaveBorrowed], readings.Select(r => r.Location));
        }
        finally
        {
            await fixture.Chain.RevertAsync(snapshot, Cancel);
        }
    }

    [Fact]
    public async Task A_node_on_another_chain_than_the_one_configured_is_refused_before_anything_is_signed()
    {
        _ = fixture.Market;
        var variables = Variables(contracts: null);
        variables.Remove("BASIS_DEV__ALCHEMY__CHAIN_ID");
        using var chain = new EnvironmentChain(name => variables.GetValueOrDefault(name), Repository.ConfigsDirectory);

        var refused = await Assert.ThrowsAsync<ChainSetupException>(() => chain.ExecutionAsync(Cancel));

        Assert.Equal(
            $"the node at BASIS_DEV__ALCHEMY__RPC_URL is chain {AnvilChain.ChainId}, not chain 1 (BASIS_DEV__ALCHEMY__CHAIN_ID): nothing is signed for the wrong chain",
            refused.Message);
    }

    [Theory]
    [InlineData("BASIS_DEV__ALCHEMY__RPC_URL", null, "BASIS_DEV__ALCHEMY__RPC_URL is not set: this host has no account on the chain")]
    [InlineData("BASIS_DEV__ALCHEMY__RPC_URL", "localhost:8545", "BASIS_DEV__ALCHEMY__RPC_URL is not an http(s) URL")]
    [InlineData("BASIS_DEV__ALCHEMY__CHAIN_ID", "one", "BASIS_DEV__ALCHEMY__CHAIN_ID is not a chain id (a positive number)")]
    [InlineData("BASIS_DEV__ALCHEMY__PRIVATE_KEY", "0x1234", "BASIS_DEV__ALCHEMY__PRIVATE_KEY is not a valid private key")]
    [InlineData("BASIS_ENVIRONMENT", "qa", "BASIS_ENVIRONMENT must be dev, staging, production or prod (got 'qa').")]
    public async Task A_setting_that_cannot_be_used_is_named_without_its_value(string variable, string? value, string message)
    {
        var variables = Variables(contracts: null);
        variables["BASIS_DEV__ALCHEMY__RPC_URL"] = "http://127.0.0.1:1";
        if (value is null)
        {
            variables.Remove(variable);
        }
        else
        {
            variables[variable] = value;
        }

        using var chain = new EnvironmentChain(name => variables.GetValueOrDefault(name), Repository.ConfigsDirectory);

        var refused = await Assert.ThrowsAsync<ChainSetupException>(() => chain.ExecutionAsync(Cancel));

        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0x1234", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chain_the_contracts_file_does_not_list_is_refused_naming_the_file()
    {
        var variables = Variables(contracts: null);
        variables["BASIS_DEV__ALCHEMY__RPC_URL"] = "http://127.0.0.1:1";
        using var chain = new EnvironmentChain(name => variables.GetValueOrDefault(name), Repository.ConfigsDirectory);

        var refused = await Assert.ThrowsAsync<ChainSetupException>(() => chain.ExecutionAsync(Cancel));

        var file = Path.Combine(Repository.ConfigsDirectory, ChainContracts.RelativePath);
        Assert.Equal($"chain id {AnvilChain.ChainId} is not in {file} (it lists: 1, 11155111)", refused.Message);
    }

    [Fact]
    public void Mainnet_s_contracts_list_etherfi_s_liquidity_pool_and_uniswap_s_router_and_pool_not_its_emode_and_a_malformed_one_is_named_by_its_key()
    {
        var file = Path.Combine(Repository.ConfigsDirectory, ChainContracts.RelativePath);
        var mainnet = ChainContracts.Load(file, 1);
        Assert.Equal("0x308861A430be4cce5502d0A12724771Fc6DaF216", mainnet.EtherFiLiquidityPool);
        Assert.Equal("0xE592427A0AEce92De3Edee1F18E0157C05861564", mainnet.UniswapSwapRouter);
        Assert.Equal(500u, new UniswapRoutes(mainnet.UniswapSwapRouter!, mainnet.UniswapFeeTiers).FeeTier("USDT", "WETH"));
        // Its ETH eMode category is not confirmed here, so a loop is not levered on mainnet (nor exited: no LST pool).
        Assert.Null(mainnet.AaveEthEModeCategory);

        var folder = Directory.CreateTempSubdirectory();
        var malformed = Path.Combine(folder.FullName, "contracts.yaml");
        File.WriteAllText(malformed, "chains:\n  1:\n    etherfi:\n      liquidity_pool: \"0x1234\"\n");
        var refused = Assert.Throws<ChainContractsException>(() => ChainContracts.Load(malformed, 1));
        Assert.Equal($"{malformed}: chains.1.etherfi.liquidity_pool is '0x1234', not an address (0x and 40 hex digits)", refused.Message);
        File.WriteAllText(malformed, "chains:\n  1:\n    uniswap_v3:\n      fee_tiers:\n        WETH_USDT: 400\n");
        refused = Assert.Throws<ChainContractsException>(() => ChainContracts.Load(malformed, 1));
        Assert.Equal($"{malformed}: chains.1.uniswap_v3.fee_tiers.WETH_USDT is '400', not a Uniswap v3 fee tier (100, 500, 3000, 10000)", refused.Message);
        File.WriteAllText(malformed, "chains:\n  1:\n    aave_v3:\n      eth_emode_category: 0\n");
        refused = Assert.Throws<ChainContractsException>(() => ChainContracts.Load(malformed, 1));
        Assert.Equal($"{malformed}: chains.1.aave_v3.eth_emode_category is '0', not an eMode category (1 to 255)", refused.Message);
        File.WriteAllText(malformed, "chains:\n  1:\n    aave_v3:\n      eth_emode_category: 1\n");
        Assert.Equal((byte)1, ChainContracts.Load(malformed, 1).AaveEthEModeCategory);
        folder.Delete(recursive: true);
    }

    private Dictionary<string, string> Variables(string? contracts)
    {
        var variables = new Dictionary<string, string>
        {
            ["BASIS_ENVIRONMENT"] = "dev",
            ["BASIS_DEV__ALCHEMY__CHAIN_ID"] = AnvilChain.ChainId.ToString(CultureInfo.InvariantCulture),
            ["BASIS_DEV__ALCHEMY__PRIVATE_KEY"] = fixture.Chain.IsAvailable ? fixture.Chain.PrivateKey(1) : new string('1', 64),
        };
        if (fixture.Chain.IsAvailable)
        {
            variables["BASIS_DEV__ALCHEMY__RPC_URL"] = fixture.Chain.RpcUrl;
        }

        if (contracts is not null)
        {
            variables[EnvironmentChain.ContractsVariable] = contracts;
        }

        return variables;
    }
}
