using System.Numerics;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;

namespace Basis.Venues.Ethereum.Uniswap;

/// <summary>
/// Single-pool Uniswap v3 swaps for the client's account: a QuoterV2 quote, then SwapRouter's
/// <c>exactInputSingle</c> with a minimum output from a slippage bound and a deadline set on chain time. The pool
/// reverts a swap below the minimum with "Too little received", surfaced as <see cref="EthereumRevertException"/>.
/// Targets v3-periphery's SwapRouter (its parameters carry the deadline), the router the tests deploy.
/// </summary>
public sealed class UniswapV3Router(EthereumClient client, string swapRouter, string? quoterV2 = null)
{
    /// <summary>
    /// QuoterV2 for <paramref name="amountIn"/> of <paramref name="tokenIn"/> through the <paramref name="fee"/> pool
    /// (fee in hundredths of a basis point: 500, 3000, 10000). QuoterV2 simulates the swap and reverts with the
    /// result, so this is an <c>eth_call</c>, never a transaction.
    /// </summary>
    public async Task<SwapQuote> QuoteExactInputSingleAsync(string tokenIn, string tokenOut, uint fee, BigInteger amountIn)
    {
        var quoter = quoterV2 ?? throw new InvalidOperationException("this router was given no QuoterV2 to quote with");
        var quote = await client.QueryOutputAsync<QuoteExactInputSingleFunction, QuoteExactInputSingleOutput>(
            quoter,
            new QuoteExactInputSingleFunction { Params = new QuoteExactInputSingleParams { TokenIn = tokenIn, TokenOut = tokenOut, AmountIn = amountIn, Fee = fee } }).ConfigureAwait(false);
        return new SwapQuote(amountIn, quote.AmountOut, quote.GasEstimate);
    }

    /// <summary>
    /// Swaps <paramref name="amountIn"/> for at least <paramref name="amountOutMinimum"/>, valid until chain time +
    /// <paramref name="validFor"/> (the chain's clock, not this machine's), approving the router once if needed.
    /// </summary>
    public async Task<TransactionReceipt> SwapExactInputSingleAsync(
        string tokenIn, string tokenOut, uint fee, BigInteger amountIn, BigInteger amountOutMinimum, TimeSpan validFor, CancellationToken cancellationToken = default)
    {
        await new Erc20Token(client, tokenIn).ApproveOnceAsync(swapRouter, amountIn, cancellationToken).ConfigureAwait(false);
        var deadline = (await client.ChainTimeAsync(cancellationToken).ConfigureAwait(false)) + validFor;
        return await client.SendAsync(
            swapRouter,
            new ExactInputSingleFunction
            {
                Params = new ExactInputSingleParams
                {
                    TokenIn = tokenIn,
                    TokenOut = tokenOut,
                    Fee = fee,
                    Recipient = client.Account.Address,
                    Deadline = deadline.ToUnixTimeSeconds(),
                    AmountIn = amountIn,
                    AmountOutMinimum = amountOutMinimum,
                },
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Signs swapping exactly <paramref name="amountIn"/> for at least <paramref name="amountOutMinimum"/> at the
    /// account's next nonce, valid until chain time + <paramref name="validFor"/>, for the caller to record before it is
    /// sent. The router's one approval of <paramref name="tokenIn"/> is a transaction of its own, sent at once and
    /// returned (null when the allowance suffices).
    /// </summary>
    public Task<(TransactionReceipt? Approval, SignedTransaction Swap)> SignExactInputSingleAsync(
        string tokenIn, string tokenOut, uint fee, BigInteger amountIn, BigInteger amountOutMinimum, TimeSpan validFor, CancellationToken cancellationToken = default) =>
        SignSwapAsync(tokenIn, amountIn, validFor, deadline => new ExactInputSingleFunction
        {
            Params = new ExactInputSingleParams
            {
                TokenIn = tokenIn,
                TokenOut = tokenOut,
                Fee = fee,
                Recipient = client.Account.Address,
                Deadline = deadline,
                AmountIn = amountIn,
                AmountOutMinimum = amountOutMinimum,
            },
        }, cancellationToken);

    /// <summary>
    /// Signs swapping at most <paramref name="amountInMaximum"/> for exactly <paramref name="amountOut"/>, as
    /// <see cref="SignExactInputSingleAsync"/> does; the pool reverts a swap that would cost more ("Too much requested").
    /// </summary>
    public Task<(TransactionReceipt? Approval, SignedTransaction Swap)> SignExactOutputSingleAsync(
        string tokenIn, string tokenOut, uint fee, BigInteger amountOut, BigInteger amountInMaximum, TimeSpan validFor, CancellationToken cancellationToken = default) =>
        SignSwapAsync(tokenIn, amountInMaximum, validFor, deadline => new ExactOutputSingleFunction
        {
            Params = new ExactOutputSingleParams
            {
                TokenIn = tokenIn,
                TokenOut = tokenOut,
                Fee = fee,
                Recipient = client.Account.Address,
                Deadline = deadline,
                AmountOut = amountOut,
                AmountInMaximum = amountInMaximum,
            },
        }, cancellationToken);

    /// <summary>The router approved once for up to <paramref name="spent"/> of <paramref name="tokenIn"/>, then the swap signed at the next nonce with its deadline on chain time.</summary>
    private async Task<(TransactionReceipt? Approval, SignedTransaction Swap)> SignSwapAsync<TFunction>(
        string tokenIn, BigInteger spent, TimeSpan validFor, Func<long, TFunction> swap, CancellationToken cancellationToken)
        where TFunction : FunctionMessage, new()
    {
        var approval = await new Erc20Token(client, tokenIn).ApproveOnceAsync(swapRouter, spent, cancellationToken).ConfigureAwait(false);
        var deadline = (await client.ChainTimeAsync(cancellationToken).ConfigureAwait(false)) + validFor;
        var nonce = await client.PendingNonceAsync(cancellationToken).ConfigureAwait(false);
        return (approval, await client.SignAsync(swapRouter, swap(deadline.ToUnixTimeSeconds()), nonce, cancellationToken).ConfigureAwait(false));
    }
}
