using System.Text.RegularExpressions;

namespace Basis.ExchangeSimulator.Chain;

/// <summary>
/// The EVM chain the simulated venues take deposits from and send withdrawals to (Ethereum's place: Binance's and
/// Bybit's network ETH, OKX's chain {ccy}-ERC20). Every venue watches the same node and sends from the same hot wallet.
/// </summary>
public sealed partial record SimulatorChain
{
    /// <summary>The node's JSON-RPC endpoint, e.g. anvil's <c>http://127.0.0.1:8545</c>.</summary>
    public required string RpcUrl { get; init; }

    /// <summary>The ERC-20 contract of each asset the venues accept on this chain (e.g. USDT → 0x…).</summary>
    public required IReadOnlyDictionary<string, string> Tokens { get; init; }

    /// <summary>
    /// Blocks a deposit needs (its own included) before it is credited, and a withdrawal before it is complete. 1 suits a
    /// local chain; the real venues ask for more on Ethereum and publish their counts per network (Binance's
    /// <c>minConfirm</c> in <c>/sapi/v1/capital/config/getall</c>, OKX's <c>minDepArrivalConfirm</c> in
    /// <c>/api/v5/asset/currencies</c>, Bybit's <c>confirmation</c> in <c>/v5/asset/coin/query-info</c>): tens of blocks.
    /// </summary>
    public int Confirmations { get; init; } = 1;

    /// <summary>The hot wallet's private key (hex): withdrawals are ERC-20 transfers from it, so it must hold the tokens.</summary>
    public required string HotWalletPrivateKey { get; init; }

    /// <summary>Each asset's withdrawal fee, debited on top of the amount sent (none when an asset is not listed).</summary>
    public IReadOnlyDictionary<string, decimal> WithdrawalFees { get; init; } = new Dictionary<string, decimal>();

    /// <summary>How often the node is polled for new blocks, transfers and receipts.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Everything wrong with this section, each naming the setting (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(RpcUrl, UriKind.Absolute, out var rpc) || rpc.Scheme is not ("http" or "https"))
        {
            errors.Add($"chain.rpc_url: '{RpcUrl}' is not an http(s) URL");
        }

        if (Tokens.Count == 0)
        {
            errors.Add("chain.tokens: at least one asset's ERC-20 contract is needed");
        }

        errors.AddRange(Tokens.Where(t => !Address().IsMatch(t.Value)).Select(t => $"chain.tokens: {t.Key}'s contract '{t.Value}' is not a 0x address"));
        if (Confirmations < 1)
        {
            errors.Add($"chain.confirmations: {Confirmations} is below 1");
        }

        if (!PrivateKey().IsMatch(HotWalletPrivateKey))
        {
            errors.Add("chain.hot_wallet_private_key: not 32 bytes of hex (the exe reads it from BASIS_SIM_HOT_WALLET_KEY)");
        }

        errors.AddRange(WithdrawalFees.Where(f => f.Value < 0).Select(f => $"chain.withdrawal_fees: {f.Key}'s fee {f.Value} is negative"));
        if (PollInterval <= TimeSpan.Zero)
        {
            errors.Add("chain.poll_interval: must be positive");
        }

        return errors;
    }

    [GeneratedRegex("^0x[0-9a-fA-F]{40}$")]
    private static partial Regex Address();

    [GeneratedRegex("^(0x)?[0-9a-fA-F]{64}$")]
    private static partial Regex PrivateKey();
}
