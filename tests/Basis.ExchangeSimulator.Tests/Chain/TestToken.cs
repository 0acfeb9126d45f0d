using System.Numerics;
using System.Text.Json.Nodes;
using Basis.Testing;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace Basis.ExchangeSimulator.Tests.Chain;

/// <summary>
/// A 6-decimal USDT stand-in on anvil: AAVE's MintableERC20 from the npm artifacts of <c>.ci/tools</c>, with
/// 10,000 minted to the depositor (development account 0) and to the venues' hot wallet (account 1).
/// </summary>
internal sealed class TestToken
{
    public const int Decimals = 6;

    private TestToken(AnvilChain anvil, string contract)
    {
        Anvil = anvil;
        Contract = contract;
    }

    public AnvilChain Anvil { get; }

    public string Contract { get; }

    public string DepositorKey => Anvil.PrivateKey(0);

    public string HotWalletKey => Anvil.PrivateKey(1);

    public string HotWallet => new Account(HotWalletKey).Address;

    /// <summary>Development account 2: where withdrawals go, holding none of the token.</summary>
    public string Recipient => new Account(Anvil.PrivateKey(2)).Address;

    public static async Task<TestToken> DeployAsync(AnvilChain anvil, decimal hotWalletHolds = 10_000m)
    {
        var artifact = Path.Combine(Repository.NodeTools, "@aave", "core-v3", "artifacts", "contracts", "mocks", "tokens", "MintableERC20.sol", "MintableERC20.json");
        if (!File.Exists(artifact))
        {
            ServiceRequirement.Unavailable($"{artifact} is missing; run 'npm ci --prefix .ci/tools'");
        }

        var json = JsonNode.Parse(await File.ReadAllTextAsync(artifact, TestContext.Current.CancellationToken))!;
        var web3 = Web3For(anvil, anvil.PrivateKey(0));
        var receipt = await web3.Eth.DeployContract.SendRequestAndWaitForReceiptAsync(
            json["abi"]!.ToJsonString(), json["bytecode"]!.GetValue<string>(), web3.TransactionManager.Account.Address, new HexBigInteger(3_000_000),
            null, "Tether USD (test)", "USDT", Decimals);
        var token = new TestToken(anvil, receipt.ContractAddress);
        await token.MintAsync(web3.TransactionManager.Account.Address, 10_000m);
        await token.MintAsync(token.HotWallet, hotWalletHolds);
        return token;
    }

    /// <summary>Sends <paramref name="amount"/> from the depositor; returns the transaction's hash once mined.</summary>
    public async Task<string> TransferAsync(string to, decimal amount)
    {
        var receipt = await Web3For(Anvil, DepositorKey).Eth.ERC20.GetContractService(Contract)
            .TransferRequestAndWaitForReceiptAsync(to, Units(amount));
        return receipt.TransactionHash;
    }

    public async Task<decimal> BalanceOfAsync(string owner) =>
        Web3.Convert.FromWei(await Web3For(Anvil, DepositorKey).Eth.ERC20.GetContractService(Contract).BalanceOfQueryAsync(owner), Decimals);

    /// <summary>Mines <paramref name="blocks"/> empty blocks (confirmations for what came before).</summary>
    public async Task MineAsync(int blocks)
    {
        for (var i = 0; i < blocks; i++)
        {
            await Anvil.CallAsync("evm_mine", cancellationToken: TestContext.Current.CancellationToken);
        }
    }

    private Task MintAsync(string to, decimal amount) =>
        Web3For(Anvil, DepositorKey).Eth.GetContractTransactionHandler<MintFunction>()
            .SendRequestAndWaitForReceiptAsync(Contract, new MintFunction { To = to, Value = Units(amount) });

    private static BigInteger Units(decimal amount) => Web3.Convert.ToWei(amount, Decimals);

    private static Web3 Web3For(AnvilChain anvil, string key) => new(new Account(key, AnvilChain.ChainId), anvil.RpcUrl);

    // MintableERC20's mint(address, uint256): its other overload mints to the sender.
    [Function("mint", "bool")]
    private sealed class MintFunction : FunctionMessage
    {
        [Parameter("address", "account", 1)]
        public string To { get; set; } = "";

        [Parameter("uint256", "value", 2)]
        public BigInteger Value { get; set; }
    }
}
