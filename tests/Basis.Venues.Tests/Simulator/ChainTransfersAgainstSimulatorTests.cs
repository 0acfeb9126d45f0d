using System.Numerics;
using Basis.ExchangeSimulator.Chain;
using Basis.Testing;
using Basis.Venues.Ethereum;
using Basis.Venues.Exchanges;
using Basis.Venues.Tests.Ethereum.Fixtures;
using Nethereum.Web3;

namespace Basis.Venues.Tests.Simulator;

public sealed class BinanceChainTransfersAgainstSimulatorTests(AnvilChain anvil)
    : ChainTransfersAgainstSimulatorTests(anvil, ExchangeVenue.Binance, network: "ETH", chain: "ETH"), IClassFixture<AnvilChain>;

public sealed class BybitChainTransfersAgainstSimulatorTests(AnvilChain anvil)
    : ChainTransfersAgainstSimulatorTests(anvil, ExchangeVenue.Bybit, network: "ETH", chain: "ETH"), IClassFixture<AnvilChain>;

public sealed class OkxChainTransfersAgainstSimulatorTests(AnvilChain anvil)
    : ChainTransfersAgainstSimulatorTests(anvil, ExchangeVenue.Okx, network: "ERC20", chain: "USDT-ERC20"), IClassFixture<AnvilChain>;

/// <summary>
/// Our clients moving USDT between anvil and the simulator: the deposit address, a deposit seen pending then credited
/// (3 confirmations), a withdrawal with a 1.5 USDT fee read from sent to completed, and the rest moved to the futures
/// wallet. Each venue credits its own deposit balance: Binance's spot wallet, Bybit's and OKX's funding accounts, which
/// our clients do not read, so the test moves what is left to the trading wallet and reads that. <paramref name="chain"/>:
/// the venue's name for <paramref name="network"/>.
/// </summary>
public abstract class ChainTransfersAgainstSimulatorTests(AnvilChain anvil, ExchangeVenue venue, string network, string chain)
{
    private const int Confirmations = 3;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_deposit_is_credited_after_its_confirmations_and_a_withdrawal_is_sent_on_chain()
    {
        var token = await DeployTokenAsync();
        await using var rig = await SimulatorRig.StartAsync(venue, chain: new SimulatorChain
        {
            RpcUrl = anvil.RpcUrl,
            Tokens = new Dictionary<string, string> { ["USDT"] = token.Address },
            Confirmations = Confirmations,
            HotWalletPrivateKey = anvil.PrivateKey(1),
            WithdrawalFees = new Dictionary<string, decimal> { ["USDT"] = 1.5m },
            PollInterval = TimeSpan.FromMilliseconds(50),
        });

        var address = await rig.Client.GetDepositAddressAsync("USDT", network, Token);
        var tx = (await token.TransferAsync(address.Address, Units(2_500m), Token)).TransactionHash;
        var pending = await UntilAsync(() => rig.Client.GetDepositsAsync("USDT", SimulatorRig.StartUtc, Token), d => d.Count == 1);
        await MineAsync(Confirmations - 1);
        var credited = await UntilAsync(() => rig.Client.GetDepositsAsync("USDT", SimulatorRig.StartUtc, Token), d => d[0].Status != DepositStatus.Pending);

        var id = await rig.Client.WithdrawAsync(new WithdrawalRequest("USDT", network, SimulatorRig.AllowedAddress, 1_000m, "basisW1"), Token);
        var sent = await UntilAsync(() => rig.Client.GetWithdrawalAsync(id, Token), w => w.Status != WithdrawalStatus.Pending);
        await MineAsync(Confirmations - 1);
        var completed = await UntilAsync(() => rig.Client.GetWithdrawalAsync(id, Token), w => w.Status != WithdrawalStatus.Sent);
        // What is left of the deposit, 2,500 − 1,000 − 1.5, into the trading wallet.
        await rig.Client.TransferAsync("USDT", 1_498.5m, TransferDirection.SpotToFutures, Token);
        var futures = (await rig.Client.GetBalancesAsync(TradingAccount.Futures, Token)).Single(b => b.Asset == "USDT");

        lock (rig.Book.Sync)
        {
            Assert.Equal(rig.Book.DepositAddress(rig.Account, "USDT", chain), address.Address);
        }

        var deposited = new DepositRecord("USDT", 2_500m, tx.ToLowerInvariant(), DepositStatus.Pending, SimulatorRig.StartUtc);
        Assert.Equal(deposited, Assert.Single(pending));
        Assert.Equal(deposited with { Status = DepositStatus.Credited }, Assert.Single(credited));
        Assert.Matches("^0x[0-9a-f]{64}$", sent.TxHash);
        var withdrawn = new WithdrawalRecord(id, "USDT", 1_000m, 1.5m, SimulatorRig.AllowedAddress, sent.TxHash, WithdrawalStatus.Sent);
        Assert.Equal(withdrawn, sent);
        Assert.Equal(withdrawn with { Status = WithdrawalStatus.Completed }, completed);
        Assert.Equal(Units(1_000m), await token.BalanceOfAsync(SimulatorRig.AllowedAddress));
        Assert.Equal((11_498.5m, 11_498.5m), (futures.Total, futures.Available));
    }

    [Fact]
    public async Task A_withdrawal_the_venue_does_not_know_is_an_unknown_withdrawal()
    {
        await using var rig = await SimulatorRig.StartAsync(venue);

        var unknown = await Assert.ThrowsAsync<ExchangeException>(() => rig.Client.GetWithdrawalAsync("424242", Token));

        Assert.Equal(ExchangeErrorKind.UnknownWithdrawal, unknown.Kind);
    }

    private static BigInteger Units(decimal usdt) => Web3.Convert.ToWei(usdt, 6);

    // A 6-decimal USDT with 10,000 for the depositor (development account 0) and the venues' hot wallet (account 1).
    private async Task<Erc20Token> DeployTokenAsync()
    {
        var artifacts = AaveV3Deployment.ArtifactsFolder();
        if (artifacts is null)
        {
            ServiceRequirement.Unavailable("the AAVE artifacts are missing; run 'npm ci --prefix .ci/tools'");
        }

        var client = Client(0);
        var deployer = new ArtifactDeployer(client, artifacts);
        var address = await deployer.DeployAsync("MintableERC20", Token, "Tether USD (test)", "USDT", 6);
        foreach (var holder in new[] { client.Account.Address, EthereumAccount.FromPrivateKey(anvil.PrivateKey(1), AnvilChain.ChainId).Address })
        {
            await client.SendAsync(address, new MintFunction { Account = holder, Value = Units(10_000m) }, Token);
        }

        return new Erc20Token(client, address);
    }

    private EthereumClient Client(int account) =>
        new(new Uri(anvil.RpcUrl), EthereumAccount.FromPrivateKey(anvil.PrivateKey(account), AnvilChain.ChainId))
        {
            ReceiptPollInterval = TimeSpan.FromMilliseconds(5),
            ReceiptTimeout = TimeSpan.FromSeconds(30),
        };

    private async Task MineAsync(int blocks)
    {
        for (var i = 0; i < blocks; i++)
        {
            await anvil.CallAsync("evm_mine", cancellationToken: Token);
        }
    }

    // The simulator's watcher works in the background: read until done, or fail with the last answer.
    private static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"not reached: {value}");
            }

            await Task.Delay(50, Token);
        }
    }
}
