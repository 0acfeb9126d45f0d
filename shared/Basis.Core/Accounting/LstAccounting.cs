namespace Basis.Core.Accounting;

/// <summary>
/// Non-rebasing liquid staking tokens: staking yield is the growth of the LST/ETH exchange rate, so a holder's
/// units never change.
/// </summary>
public static class LstAccounting
{
    /// <summary>LST units minted for <paramref name="eth"/> at the protocol (oracle) rate.</summary>
    public static double MintUnits(double eth, double oracleRate) => eth / oracleRate;

    /// <summary>ETH value of LST units at a rate.</summary>
    public static double EthValue(double units, double rate) => units * rate;

    /// <summary>
    /// ETH received for selling <paramref name="units"/> on a DEX: the market rate (oracle × (1 + peg premium)),
    /// less the pool fee and slippage.
    /// </summary>
    public static double DexSaleProceeds(double units, double marketRate, double feeBps, double slippageBps) =>
        units * marketRate * (1 - ((feeBps + slippageBps) / 10_000));
}
