using Basis.ExchangeSimulator.Accounting;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace Basis.ExchangeSimulator.Chain;

/// <summary>A venue's book and its name for the chain's network of an asset (Binance and Bybit: ETH; OKX: USDT-ERC20).</summary>
public sealed record ChainVenue(ExchangeState State, Func<string, string> NetworkOf);

/// <summary>
/// The venues' side of the chain, polled every <see cref="SimulatorChain.PollInterval"/>: ERC-20 Transfer logs to the
/// accounts' deposit addresses become deposits (once per tx hash and log index), credited when they have the
/// confirmations; requested withdrawals are sent from the hot wallet, one transfer each, and complete when theirs do.
/// Node errors are kept in <see cref="LastError"/> and the next poll tries again.
/// </summary>
public sealed class ChainWatcher : IAsyncDisposable
{
    // keccak256("Transfer(address,address,uint256)"): topic 1 is the sender, topic 2 the recipient, data the amount.
    private const string TransferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    private readonly SimulatorChain _options;
    private readonly Web3 _web3;
    private readonly IReadOnlyList<ChainVenue> _venues;
    private readonly Dictionary<string, Token> _tokensByContract;
    private readonly Dictionary<string, Token> _tokensByAsset;
    private readonly Dictionary<string, (ChainVenue Venue, SimAccount Account, string Asset)> _depositAddresses;
    private readonly CancellationTokenSource _stop = new();
    private long _nextBlock;
    private Task _loop = Task.CompletedTask;

    private ChainWatcher(SimulatorChain options, Web3 web3, IReadOnlyList<ChainVenue> venues, IReadOnlyList<Token> tokens)
    {
        _options = options;
        _web3 = web3;
        _venues = venues;
        _tokensByContract = tokens.ToDictionary(t => t.Contract, StringComparer.Ordinal);
        _tokensByAsset = tokens.ToDictionary(t => t.Asset, StringComparer.Ordinal);
        // The accounts are fixed at start, so are their addresses, one per venue, account and asset.
        _depositAddresses = (
            from venue in venues
            from account in venue.State.Accounts.Values
            from token in tokens
            select (Address: venue.State.DepositAddress(account, token.Asset, venue.NetworkOf(token.Asset)), Owner: (venue, account, token.Asset)))
            .ToDictionary(a => a.Address, a => a.Owner, StringComparer.Ordinal);
    }

    /// <summary>The last poll's error from the node, or null when it succeeded.</summary>
    public string? LastError { get; private set; }

    /// <summary>Reads the chain id, the tokens' decimals and the head (transfers from the next block on count), then starts polling.</summary>
    public static async Task<ChainWatcher> StartAsync(SimulatorChain options, IReadOnlyList<ChainVenue> venues)
    {
        ArgumentNullException.ThrowIfNull(options);
        var chainId = await new Web3(options.RpcUrl).Eth.ChainId.SendRequestAsync().ConfigureAwait(false);
        var web3 = new Web3(new Account(options.HotWalletPrivateKey, chainId.Value), options.RpcUrl);
        var tokens = new List<Token>();
        foreach (var (asset, contract) in options.Tokens)
        {
            var decimals = await web3.Eth.ERC20.GetContractService(contract).DecimalsQueryAsync().ConfigureAwait(false);
            tokens.Add(new Token(asset, contract.ToLowerInvariant(), decimals));
        }

        var watcher = new ChainWatcher(options, web3, venues, tokens);
        watcher._nextBlock = (long)(await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync().ConfigureAwait(false)).Value + 1;
        watcher._loop = Task.Run(() => watcher.RunAsync(watcher._stop.Token));
        return watcher;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await PollAsync().ConfigureAwait(false);
                LastError = null;
            }
            catch (Exception e) when (e is RpcResponseException or RpcClientUnknownException or RpcClientTimeoutException or HttpRequestException)
            {
                LastError = e.Message;
            }

            try
            {
                await Task.Delay(_options.PollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // New Transfer logs are recorded and every pending deposit counted at this head under one lock per book, so a
    // history read never sees a deposit before its first confirmation is counted.
    private async Task PollAsync()
    {
        var head = (long)(await _web3.Eth.Blocks.GetBlockNumber.SendRequestAsync().ConfigureAwait(false)).Value;
        var logs = head < _nextBlock ? [] : await _web3.Eth.Filters.GetLogs.SendRequestAsync(new NewFilterInput
        {
            Address = [.. _tokensByContract.Keys],
            FromBlock = new BlockParameter(new HexBigInteger(_nextBlock)),
            ToBlock = new BlockParameter(new HexBigInteger(head)),
            Topics = [TransferTopic],
        }).ConfigureAwait(false);
        foreach (var venue in _venues)
        {
            lock (venue.State.Sync)
            {
                foreach (var log in logs.Where(l => !l.Removed && l.Topics.Length == 3))
                {
                    RecordDeposit(venue, log);
                }

                venue.State.ConfirmDeposits(head);
            }
        }

        _nextBlock = Math.Max(_nextBlock, head + 1);
        foreach (var venue in _venues)
        {
            await AdvanceWithdrawalsAsync(venue, head).ConfigureAwait(false);
        }
    }

    // A Transfer to one of the venue's deposit addresses; the caller holds the book's lock.
    private void RecordDeposit(ChainVenue venue, FilterLog log)
    {
        var to = "0x" + log.Topics[2].ToString()![^40..].ToLowerInvariant();
        var token = _tokensByContract[log.Address.ToLowerInvariant()];
        if (_depositAddresses.TryGetValue(to, out var owner) && owner.Venue == venue && owner.Asset == token.Asset)
        {
            venue.State.RecordDeposit(
                owner.Account, token.Asset, venue.NetworkOf(token.Asset), to, Web3.Convert.FromWei(new HexBigInteger(log.Data).Value, token.Decimals),
                log.TransactionHash.ToLowerInvariant(), (long)log.LogIndex.Value, (long)log.BlockNumber.Value);
        }
    }

    // Requested withdrawals on this chain's network are sent; sent ones complete at their confirmations or fail if they
    // reverted. Withdrawals on other networks stay requested. The node is called outside the book's lock.
    private async Task AdvanceWithdrawalsAsync(ChainVenue venue, long head)
    {
        List<(SimAccount Account, SimWithdrawal Withdrawal)> open;
        lock (venue.State.Sync)
        {
            open = [.. venue.State.Accounts.Values.SelectMany(a => a.Withdrawals
                .Where(w => w.State is WithdrawalState.Requested or WithdrawalState.Sent && w.Chain == venue.NetworkOf(w.Asset)
                    && _tokensByAsset.ContainsKey(w.Asset))
                .Select(w => (a, w)))];
        }

        foreach (var (account, withdrawal) in open)
        {
            if (withdrawal.State is WithdrawalState.Requested)
            {
                await SendAsync(venue, account, withdrawal).ConfigureAwait(false);
                continue;
            }

            var receipt = await _web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(withdrawal.TxHash).ConfigureAwait(false);
            if (receipt is null)
            {
                continue;
            }

            lock (venue.State.Sync)
            {
                if (receipt.Status.Value == 0)
                {
                    venue.State.WithdrawalFailed(account, withdrawal);
                }
                else if (head - (long)receipt.BlockNumber.Value + 1 >= venue.State.ChainConfirmations)
                {
                    venue.State.WithdrawalCompleted(withdrawal);
                }
            }
        }
    }

    private async Task SendAsync(ChainVenue venue, SimAccount account, SimWithdrawal withdrawal)
    {
        var token = _tokensByAsset[withdrawal.Asset];
        try
        {
            var hash = await _web3.Eth.ERC20.GetContractService(token.Contract)
                .TransferRequestAsync(withdrawal.Address, Web3.Convert.ToWei(withdrawal.Amount, token.Decimals)).ConfigureAwait(false);
            lock (venue.State.Sync)
            {
                venue.State.WithdrawalSent(withdrawal, hash.ToLowerInvariant());
            }
        }
        catch (Exception e) when (e is RpcResponseException or SmartContractRevertException)
        {
            // The node refused the transfer (e.g. the hot wallet is short of the token and gas estimation reverts):
            // as a venue's failed withdrawal, the funds go back. Transport errors propagate and the next poll retries.
            lock (venue.State.Sync)
            {
                venue.State.WithdrawalFailed(account, withdrawal);
            }
        }
    }

    private sealed record Token(string Asset, string Contract, int Decimals);
}
