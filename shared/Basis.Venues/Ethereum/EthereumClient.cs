using System.Diagnostics;
using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;
using Nethereum.Web3;

namespace Basis.Venues.Ethereum;

/// <summary>
/// One account on one chain: sends contract calls through Nethereum's typed handlers (gas estimated, so a revert
/// is found before sending and its reason surfaced), with EIP-1559 fees from <see cref="Fees"/>, nonces from
/// <see cref="Nonces"/>, and receipt waits bounded by <see cref="ReceiptTimeout"/>.
/// </summary>
public sealed class EthereumClient : IDisposable
{
    /// <summary>A client for <paramref name="account"/> at <paramref name="rpcUrl"/>.</summary>
    public EthereumClient(Uri rpcUrl, EthereumAccount account)
    {
        ArgumentNullException.ThrowIfNull(rpcUrl);
        ArgumentNullException.ThrowIfNull(account);
        Account = account;
        Web3 = new Web3(account.Signer, rpcUrl.ToString());
        Nonces = new NonceManager(Web3, account.Address);
        Fees = new FeeEstimator(Web3);
    }

    /// <summary>The signing account.</summary>
    public EthereumAccount Account { get; }

    /// <summary>Nethereum, for reads this client does not wrap.</summary>
    public IWeb3 Web3 { get; }

    /// <summary>This account's nonces in this process.</summary>
    public NonceManager Nonces { get; }

    /// <summary>The fee rule.</summary>
    public FeeEstimator Fees { get; }

    /// <summary>How long a receipt is waited for before <see cref="TimeoutException"/>.</summary>
    public TimeSpan ReceiptTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>How often the node is asked for a receipt (a local chain mines at once: use a short interval there).</summary>
    public TimeSpan ReceiptPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The gas limit sent, as a percentage of the estimate (state can move between estimate and inclusion).</summary>
    public int GasLimitPercent { get; init; } = 125;

    /// <summary>
    /// Sends <paramref name="message"/> to <paramref name="contract"/> and waits for it to be mined. Throws
    /// <see cref="EthereumRevertException"/> when the estimate or the mined transaction reverts, and
    /// <see cref="TimeoutException"/> when no receipt arrives within <see cref="ReceiptTimeout"/>.
    /// The message is filled in (sender, gas, fees, nonce): do not share one instance between concurrent sends.
    /// </summary>
    public async Task<TransactionReceipt> SendAsync<TFunction>(string contract, TFunction message, CancellationToken cancellationToken = default)
        where TFunction : FunctionMessage, new()
    {
        ArgumentNullException.ThrowIfNull(message);
        var hash = await SubmitAsync(contract, message, cancellationToken).ConfigureAwait(false);
        return await WaitForReceiptAsync(hash, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends without waiting for the receipt; returns the transaction hash (see <see cref="SendAsync{TFunction}"/>).</summary>
    public async Task<string> SubmitAsync<TFunction>(string contract, TFunction message, CancellationToken cancellationToken = default)
        where TFunction : FunctionMessage, new()
    {
        ArgumentNullException.ThrowIfNull(message);
        var handler = Web3.Eth.GetContractTransactionHandler<TFunction>();
        message.FromAddress = Account.Address;
        HexBigInteger estimate;
        try
        {
            estimate = await handler.EstimateGasAsync(contract, message).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (RevertReason.From(e) is { } reason)
        {
            throw new EthereumRevertException(reason, null, e);
        }

        message.Gas = estimate.Value * GasLimitPercent / 100;
        var fees = await Fees.EstimateAsync(cancellationToken).ConfigureAwait(false);
        message.MaxFeePerGas = fees.MaxFeePerGasWei;
        message.MaxPriorityFeePerGas = fees.MaxPriorityFeePerGasWei;
        return await Nonces.SendWithNextNonceAsync(
            nonce =>
            {
                message.Nonce = nonce;
                return handler.SendRequestAsync(contract, message);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Signs <paramref name="message"/> to <paramref name="contract"/> at <paramref name="nonce"/> without sending it
    /// (gas estimated now, so a call that would revert throws <see cref="EthereumRevertException"/> here). The hash is
    /// known before anything leaves, so a caller can record it first and later send the same bytes again
    /// (<see cref="BroadcastAsync"/>): a transaction sent twice is still one transaction.
    /// </summary>
    public async Task<SignedTransaction> SignAsync<TFunction>(string contract, TFunction message, BigInteger nonce, CancellationToken cancellationToken = default)
        where TFunction : FunctionMessage, new()
    {
        ArgumentNullException.ThrowIfNull(message);
        var input = message.CreateTransactionInput(contract);
        input.From = Account.Address;
        HexBigInteger estimate;
        try
        {
            estimate = await Web3.Eth.Transactions.EstimateGas.SendRequestAsync(input).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (RevertReason.From(e) is { } reason)
        {
            throw new EthereumRevertException(reason, null, e);
        }

        var fees = await Fees.EstimateAsync(cancellationToken).ConfigureAwait(false);
        input.Gas = new HexBigInteger(estimate.Value * GasLimitPercent / 100);
        input.MaxFeePerGas = new HexBigInteger(fees.MaxFeePerGasWei);
        input.MaxPriorityFeePerGas = new HexBigInteger(fees.MaxPriorityFeePerGasWei);
        input.Type = new HexBigInteger(2);
        input.Nonce = new HexBigInteger(nonce);
        var raw = await Web3.TransactionManager.SignTransactionAsync(input).ConfigureAwait(false);
        return new SignedTransaction("0x" + Sha3Keccack.Current.CalculateHashFromHex(raw), raw.StartsWith("0x", StringComparison.Ordinal) ? raw : "0x" + raw, nonce);
    }

    /// <summary>
    /// Sends a transaction signed by <see cref="SignAsync{TFunction}"/>; sending it again is harmless (same hash). Throws
    /// <see cref="NonceUsedException"/> when another transaction of the account took its nonce, so it can never be mined.
    /// </summary>
    public async Task BroadcastAsync(SignedTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        try
        {
            await Web3.Eth.Transactions.SendRawTransaction.SendRequestAsync(transaction.Raw).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RpcResponseException e) when (e.RpcError?.Message is { } message && message.Contains("already known", StringComparison.OrdinalIgnoreCase))
        {
            // The node holds it already: its receipt will come.
        }
        catch (RpcResponseException e) when (e.RpcError?.Message is { } message && message.Contains("nonce too low", StringComparison.OrdinalIgnoreCase))
        {
            if (await FindReceiptAsync(transaction.Hash, cancellationToken).ConfigureAwait(false) is null)
            {
                throw new NonceUsedException(transaction, e);
            }
        }
    }

    /// <summary>The receipt of <paramref name="transactionHash"/>, or null while it is not mined (or unknown to the node).</summary>
    public async Task<TransactionReceipt?> FindReceiptAsync(string transactionHash, CancellationToken cancellationToken = default) =>
        await Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(transactionHash).WaitAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The account's next nonce, counting the transactions the node holds but has not mined.</summary>
    public async Task<BigInteger> PendingNonceAsync(CancellationToken cancellationToken = default) =>
        await Nonces.PeekFreshAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Sends raw call data (a contract creation when <paramref name="to"/> is null) with the gas estimated by the
    /// node; for deployments and ABI-driven calls without a typed message.
    /// </summary>
    public async Task<TransactionReceipt> SendDataAsync(string? to, string data, BigInteger valueWei, CancellationToken cancellationToken = default)
    {
        var input = new TransactionInput(data, to, Account.Address, null, new HexBigInteger(valueWei));
        HexBigInteger estimate;
        try
        {
            estimate = await Web3.Eth.Transactions.EstimateGas.SendRequestAsync(input).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (RevertReason.From(e) is { } reason)
        {
            throw new EthereumRevertException(reason, null, e);
        }

        input.Gas = new HexBigInteger(estimate.Value * GasLimitPercent / 100);
        var fees = await Fees.EstimateAsync(cancellationToken).ConfigureAwait(false);
        input.MaxFeePerGas = new HexBigInteger(fees.MaxFeePerGasWei);
        input.MaxPriorityFeePerGas = new HexBigInteger(fees.MaxPriorityFeePerGasWei);
        input.Type = new HexBigInteger(2);
        var hash = await Nonces.SendWithNextNonceAsync(
            async nonce =>
            {
                input.Nonce = new HexBigInteger(nonce);
                var signed = await Web3.TransactionManager.SignTransactionAsync(input).ConfigureAwait(false);
                return await Web3.Eth.Transactions.SendRawTransaction.SendRequestAsync(signed).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return await WaitForReceiptAsync(hash, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a single return value.</summary>
    public Task<TResult> QueryAsync<TFunction, TResult>(string contract, TFunction message)
        where TFunction : FunctionMessage, new() =>
        Web3.Eth.GetContractQueryHandler<TFunction>().QueryAsync<TResult>(contract, message);

    /// <summary>Reads a tuple of return values into <typeparamref name="TOutput"/>.</summary>
    public Task<TOutput> QueryOutputAsync<TFunction, TOutput>(string contract, TFunction message)
        where TFunction : FunctionMessage, new()
        where TOutput : IFunctionOutputDTO, new() =>
        Web3.Eth.GetContractQueryHandler<TFunction>().QueryDeserializingToObjectAsync<TOutput>(message, contract);

    /// <summary>
    /// The latest block's timestamp: the clock deadlines (swap deadlines, permits) must be set against, since the
    /// chain's time is not the machine's (and on a test chain moves with <c>evm_increaseTime</c>).
    /// </summary>
    public async Task<DateTimeOffset> ChainTimeAsync(CancellationToken cancellationToken = default)
    {
        var block = await Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest())
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp.Value);
    }

    /// <summary>
    /// Waits for <paramref name="transactionHash"/> to be mined, at most <see cref="ReceiptTimeout"/>; a mined
    /// revert is replayed with <c>eth_call</c> to recover the reason.
    /// </summary>
    public async Task<TransactionReceipt> WaitForReceiptAsync(string transactionHash, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var receipt = await Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(transactionHash).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (receipt is not null)
            {
                return receipt.Status?.Value == BigInteger.One ? receipt : throw await MinedRevertAsync(receipt, cancellationToken).ConfigureAwait(false);
            }

            if (Stopwatch.GetElapsedTime(started) > ReceiptTimeout)
            {
                throw new TimeoutException($"transaction {transactionHash} has no receipt after {ReceiptTimeout.TotalSeconds:F0} s (still pending, or dropped by the node)");
            }

            await Task.Delay(ReceiptPollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose() => Nonces.Dispose();

    private async Task<EthereumRevertException> MinedRevertAsync(TransactionReceipt receipt, CancellationToken cancellationToken)
    {
        var transaction = await Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(receipt.TransactionHash).WaitAsync(cancellationToken).ConfigureAwait(false);
        var call = new CallInput { Data = transaction.Input, To = transaction.To, From = transaction.From, Value = transaction.Value, Gas = transaction.Gas };
        // Nodes cannot replay a transaction in the middle of its block without tracing: replay it on the state after
        // its block (which holds what made it fail when an earlier transaction of the block did), then before it.
        foreach (var block in (BigInteger[])[receipt.BlockNumber.Value, receipt.BlockNumber.Value - 1])
        {
            try
            {
                await Web3.Eth.Transactions.Call.SendRequestAsync(call, new BlockParameter(new HexBigInteger(block))).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (RevertReason.From(e) is { } reason)
            {
                return new EthereumRevertException(reason, receipt.TransactionHash, e);
            }
        }

        return new EthereumRevertException("reverted (replays on the state around its block succeed, so no reason could be recovered)", receipt.TransactionHash, null);
    }
}
