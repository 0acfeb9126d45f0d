using System.Numerics;
using Nethereum.RPC.Eth.DTOs;

namespace Basis.Venues.Ethereum.Uniswap;

/// <summary>
/// Single-pool Uniswap v3 swaps for the client's account: a QuoterV2 quote, then SwapRouter's
/// <c>exactInputSingle</c> with a minimum output from a slippage bound and a deadline set on chain time. The pool
/// reverts a swap below the minimum with "Too little received", surfaced as <see cref="EthereumRevertException"/>.
/// Targets v3-periphery's SwapRouter (its parameters carry the deadline), the router the tests deploy.
/// </summary>
public sealed class UniswapV3Router(EthereumClient client, string swapRouter, string quoterV2)
{
    /// <summary>
    /// QuoterV2 for <paramref name="amountIn"/> of <paramref name="tokenIn"/> through the <paramref name="fee"/> pool
    /// (fee in hundredths of a basis point: 500, 3000, 10000). QuoterV2 simulates the swap and reverts with the
    /// result, so this is an <c>eth_call</c>, never a transaction.
    /// </summary>
    public async Task<SwapQuote> QuoteExactInputSingleAsync(string tokenIn, string tokenOut, uint fee, BigInteger amountIn)
    {
        var quote = await client.QueryOutputAsync<QuoteExactInputSingleFunction, QuoteExactInputSingleOutput>(
            quoterV2,
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
}
