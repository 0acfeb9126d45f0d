using System.Numerics;

namespace Basis.Venues.Ethereum.Uniswap;

/// <summary>QuoterV2's answer for an exact-input single-pool swap, in the tokens' smallest units.</summary>
/// <param name="AmountIn">What would be paid.</param>
/// <param name="AmountOut">What would be received at the pool's current state.</param>
/// <param name="GasEstimate">QuoterV2's estimate of the swap's gas.</param>
public sealed record SwapQuote(BigInteger AmountIn, BigInteger AmountOut, BigInteger GasEstimate)
{
    /// <summary>
    /// The least output accepted with at most <paramref name="slippageBps"/> below the quote, rounded down:
    /// <c>⌊amountOut × (10 000 − bps) / 10 000⌋</c>.
    /// </summary>
    public BigInteger MinimumOut(int slippageBps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slippageBps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(slippageBps, 10_000);
        return AmountOut * (10_000 - slippageBps) / 10_000;
    }
}
