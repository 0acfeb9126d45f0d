using System.Globalization;
using System.Text.Json;
using Basis.ExchangeSimulator.Chain;
using Basis.ExchangeSimulator.Tests.Binance;
using Basis.ExchangeSimulator.Tests.NodeClients;
using Basis.Testing;

namespace Basis.ExchangeSimulator.Tests.Chain;

/// <summary>
/// Deposits and withdrawals between anvil and the simulator, read through Binance's wallet API (/sapi): a USDT
/// transfer to the deposit address is credited to the spot wallet once it has its confirmations; a withdrawal is sent
/// from the hot wallet and reported with its hash. Each test deploys its own token, so the chain's other transfers are
/// not theirs.
/// </summary>
public sealed class ChainTransferTests(AnvilChain anvil) : IClassFixture<AnvilChain>
{
    // The simulated clock's start, 2025-01-01T00:00:00Z: when the venue records what it sees.
    private const long StartMs = 1_735_689_600_000;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_deposit_is_pending_until_its_confirmations_then_credited_to_the_spot_wallet_once()
    {
        var token = await TestToken.DeployAsync(anvil);
        await using var sim = await StartAsync(token, confirmations: 3);
        using var binance = new BinanceClient(sim.BaseUrl, Simulators.Key, Simulators.Secret);
        var address = (await JsonAsync(binance.SignedAsync(HttpMethod.Get, "/sapi/v1/capital/deposit/address", "coin=USDT&network=ETH")))
            .GetProperty("address").GetString()!;

        var tx = await token.TransferAsync(address, 2_500m);

        // Its own block is its first confirmation: 1 of 3.
        var pending = await UntilAsync(sim, () => DepositsAsync(binance), rows => rows.GetArrayLength() == 1 && rows[0].GetProperty("confirmTimes").GetString() == "1/3");
        Assert.Equal(10_000m, SpotUsdt(sim));
        await token.MineAsync(2);
        var credited = await UntilAsync(sim, () => DepositsAsync(binance), rows => rows[0].GetProperty("status").GetInt32() == 1);
        await token.MineAsync(2);
        await Task.Delay(500, Token);
        var later = await DepositsAsync(binance);

        Assert.Equal((0, tx, "2500", "ETH", address, StartMs), Row(pending[0]));
        Assert.Equal((1, tx, "2500", "ETH", address, StartMs), Row(credited[0]));
        Assert.Equal("3/3", credited[0].GetProperty("confirmTimes").GetString());
        Assert.Equal(1, later.GetArrayLength());
        Assert.Equal(12_500m, SpotUsdt(sim));
        // Binance's address is Binance's alone: the same key's books on the other venues saw nothing.
        Assert.All([sim.Bybit, sim.Okx], book =>
        {
            lock (book.Sync)
            {
                Assert.Empty(book.Accounts[Simulators.Key].Deposits);
            }
        });
        Assert.Equal(7_500m, await token.BalanceOfAsync(new Nethereum.Web3.Accounts.Account(token.DepositorKey).Address));
    }

    [Fact]
    public async Task A_withdrawal_is_sent_from_the_hot_wallet_and_debits_the_amount_and_the_fee()
    {
        var token = await TestToken.DeployAsync(anvil);
        await using var sim = await StartAsync(token, fee: 3.5m);
        using var binance = new BinanceClient(sim.BaseUrl, Simulators.Key, Simulators.Secret);

        var id = (await JsonAsync(binance.SignedAsync(
            HttpMethod.Post, "/sapi/v1/capital/withdraw/apply", $"coin=USDT&network=ETH&address={token.Recipient}&amount=1000&withdrawOrderId=basisW1")))
            .GetProperty("id").GetString()!;
        var debited = SpotUsdt(sim);
        var done = (await UntilAsync(sim, () => WithdrawalsAsync(binance, id), rows => rows[0].GetProperty("status").GetInt32() == 6))[0];
        var txId = done.GetProperty("txId").GetString()!;
        var receipt = await anvil.CallAsync("eth_getTransactionReceipt", [txId], Token);

        // 10,000 − 1,000 − 3.5 fee.
        Assert.Equal(8_996.5m, debited);
        Assert.Equal(8_996.5m, SpotUsdt(sim));
        Assert.Equal(("1000", "3.5", token.Recipient, "ETH", "basisW1"), (
            done.GetProperty("amount").GetString(), done.GetProperty("transactionFee").GetString(), done.GetProperty("address").GetString(),
            done.GetProperty("network").GetString(), done.GetProperty("withdrawOrderId").GetString()));
        Assert.Matches("^0x[0-9a-f]{64}$", txId);
        Assert.Equal(("0x1", token.Contract.ToLowerInvariant()), (receipt!["status"]!.GetValue<string>(), receipt["to"]!.GetValue<string>()));
        Assert.Equal(1_000m, await token.BalanceOfAsync(token.Recipient));
        Assert.Equal(9_000m, await token.BalanceOfAsync(token.HotWallet));
    }

    [Fact]
    public async Task A_withdrawal_the_hot_wallet_cannot_send_fails_and_gives_the_funds_back()
    {
        var token = await TestToken.DeployAsync(anvil, hotWalletHolds: 500m);
        await using var sim = await StartAsync(token, fee: 3.5m);
        using var binance = new BinanceClient(sim.BaseUrl, Simulators.Key, Simulators.Secret);

        var id = (await JsonAsync(binance.SignedAsync(
            HttpMethod.Post, "/sapi/v1/capital/withdraw/apply", $"coin=USDT&network=ETH&address={token.Recipient}&amount=1000")))
            .GetProperty("id").GetString()!;
        var failed = (await UntilAsync(sim, () => WithdrawalsAsync(binance, id), rows => rows[0].GetProperty("status").GetInt32() == 5))[0];

        Assert.Equal(string.Empty, failed.GetProperty("txId").GetString());
        Assert.Equal(10_000m, SpotUsdt(sim));
        Assert.Equal(0m, await token.BalanceOfAsync(token.Recipient));
    }

    [Fact]
    public async Task Ccxt_reads_the_deposit_and_follows_a_withdrawal_to_completion()
    {
        if (NodeClientRun.Node() is not { } node || !File.Exists(Path.Combine(Repository.NodeTools, "ccxt", "package.json")))
        {
            ServiceRequirement.Unavailable($"node on PATH and ccxt in {Repository.NodeTools} are needed; run 'npm ci --prefix .ci/tools'");
            return;
        }

        var token = await TestToken.DeployAsync(anvil);
        await using var sim = await StartAsync(token, fee: 3.5m);
        using var binance = new BinanceClient(sim.BaseUrl, Simulators.Key, Simulators.Secret);
        var address = (await JsonAsync(binance.SignedAsync(HttpMethod.Get, "/sapi/v1/capital/deposit/address", "coin=USDT&network=ETH")))
            .GetProperty("address").GetString()!;
        var tx = await token.TransferAsync(address, 2_500m);
        await UntilAsync(sim, () => DepositsAsync(binance), rows => rows[0].GetProperty("status").GetInt32() == 1);

        var text = await ServiceProcess.RunAsync(
            node, [Path.Combine(AppContext.BaseDirectory, "clients", "binance-ccxt-wallet.mjs"), Repository.NodeTools, sim.BaseUrl, Simulators.Key, Simulators.Secret, token.Recipient],
            TimeSpan.FromSeconds(60));
        var output = JsonDocument.Parse(text.Split('\n').Last(l => l.StartsWith('{'))).RootElement;
        var deposit = Assert.Single(output.GetProperty("deposits").EnumerateArray());
        var withdrawal = output.GetProperty("withdrawal");

        Assert.Equal(address, output.GetProperty("address").GetString());
        Assert.Equal((tx, 2_500m, "ok", "ERC20", address, StartMs), (
            deposit.GetProperty("txid").GetString(), deposit.GetProperty("amount").GetDecimal(), deposit.GetProperty("status").GetString(),
            deposit.GetProperty("network").GetString(), deposit.GetProperty("address").GetString(), deposit.GetProperty("timestamp").GetInt64()));
        Assert.Equal(("ok", 1_000m, 3.5m, token.Recipient), (
            withdrawal.GetProperty("status").GetString(), withdrawal.GetProperty("amount").GetDecimal(), withdrawal.GetProperty("fee").GetDecimal(),
            withdrawal.GetProperty("address").GetString()));
        Assert.Matches("^0x[0-9a-f]{64}$", withdrawal.GetProperty("txid").GetString());
        Assert.Equal(1_000m, await token.BalanceOfAsync(token.Recipient));
        // 10,000 + 2,500 − 1,000 − 3.5.
        Assert.Equal(11_496.5m, SpotUsdt(sim));
    }

    [Fact]
    public async Task Without_a_chain_withdrawals_are_only_debited_and_nothing_is_deposited()
    {
        await using var sim = await StartAsync(token: null);
        using var binance = new BinanceClient(sim.BaseUrl, Simulators.Key, Simulators.Secret);

        var address = (await JsonAsync(binance.SignedAsync(HttpMethod.Get, "/sapi/v1/capital/deposit/address", "coin=USDT&network=ETH")))
            .GetProperty("address").GetString();
        var id = (await JsonAsync(binance.SignedAsync(
            HttpMethod.Post, "/sapi/v1/capital/withdraw/apply", "coin=USDT&network=ETH&address=0x1111111111111111111111111111111111111111&amount=1000")))
            .GetProperty("id").GetString()!;
        await Task.Delay(300, Token);
        var withdrawal = (await WithdrawalsAsync(binance, id))[0];

        Assert.Null(sim.Chain);
        Assert.Matches("^0x[0-9a-f]{40}$", address);
        // Processing for good, without a fee or a transaction.
        Assert.Equal((4, string.Empty, "0"), (withdrawal.GetProperty("status").GetInt32(), withdrawal.GetProperty("txId").GetString(), withdrawal.GetProperty("transactionFee").GetString()));
        Assert.Equal(9_000m, SpotUsdt(sim));
        Assert.Equal(0, (await DepositsAsync(binance)).GetArrayLength());
    }

    private static Task<SimulatorHost> StartAsync(TestToken? token, int confirmations = 1, decimal fee = 0m) =>
        SimulatorHost.StartAsync(
            new SimulatorOptions
            {
                DataRoot = Repository.Data,
                ConfigsRoot = Repository.Configs,
                Accounts = [new SimulatorAccount(Simulators.Key, Simulators.Secret, 10_000m, Simulators.Passphrase, 10_000m)],
                Chain = token is null ? null : new SimulatorChain
                {
                    RpcUrl = token.Anvil.RpcUrl,
                    Tokens = new Dictionary<string, string> { ["USDT"] = token.Contract },
                    Confirmations = confirmations,
                    HotWalletPrivateKey = token.HotWalletKey,
                    WithdrawalFees = new Dictionary<string, decimal> { ["USDT"] = fee },
                    PollInterval = TimeSpan.FromMilliseconds(50),
                },
            },
            Token);

    private static decimal SpotUsdt(SimulatorHost sim)
    {
        lock (sim.Binance.Sync)
        {
            return sim.Binance.Accounts[Simulators.Key].Spot["USDT"];
        }
    }

    private static (int Status, string? TxId, string? Amount, string? Network, string? Address, long InsertTime) Row(JsonElement row) => (
        row.GetProperty("status").GetInt32(), row.GetProperty("txId").GetString(), row.GetProperty("amount").GetString(),
        row.GetProperty("network").GetString(), row.GetProperty("address").GetString(), row.GetProperty("insertTime").GetInt64());

    private static Task<JsonElement> DepositsAsync(BinanceClient binance) =>
        JsonAsync(binance.SignedAsync(HttpMethod.Get, "/sapi/v1/capital/deposit/hisrec", "coin=USDT"));

    private static Task<JsonElement> WithdrawalsAsync(BinanceClient binance, string id) =>
        JsonAsync(binance.SignedAsync(HttpMethod.Get, "/sapi/v1/capital/withdraw/history", "idList=" + id));

    private static async Task<JsonElement> JsonAsync(Task<HttpResponseMessage> send)
    {
        using var response = await send;
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    // Polls until done (the watcher works in the background), failing with the last answer and the watcher's error.
    private static async Task<JsonElement> UntilAsync(SimulatorHost sim, Func<Task<JsonElement>> read, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var value = await read();
            if (value.GetArrayLength() > 0 && done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"not reached: {value}; the watcher's last error: {sim.Chain?.LastError}"));
            }

            await Task.Delay(50, Token);
        }
    }
}
