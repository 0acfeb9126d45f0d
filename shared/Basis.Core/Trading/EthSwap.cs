namespace Basis.Core.Trading;

/// <summary>Swaps wallet USDT and ETH on a DEX: <paramref name="EthDelta"/> &gt; 0 buys ETH, &lt; 0 sells it.</summary>
public sealed record EthSwap(double EthDelta, string Reason) : TradeIntent(Reason)
{
    /// <inheritdoc />
    public override TradeIntent ScaledBy(double factor) => this with { EthDelta = EthDelta * factor };
}
