namespace Basis.Live.Execution;

/// <summary>
/// Where a host swaps on Uniswap v3: the SwapRouter, and the fee tier (hundredths of a basis point) of the pool each
/// pair goes through, by the pair's ledger symbols (<c>WETH/USDT</c>), from the chain's contracts file.
/// </summary>
public sealed record UniswapRoutes(string SwapRouter, IReadOnlyDictionary<string, uint> FeeTiers)
{
    /// <summary>The fee tier of the pool between <paramref name="a"/> and <paramref name="b"/>, in either order; null when none is listed.</summary>
    public uint? FeeTier(string a, string b) =>
        FeeTiers.TryGetValue($"{a}/{b}", out var tier) || FeeTiers.TryGetValue($"{b}/{a}", out tier) ? tier : null;
}
