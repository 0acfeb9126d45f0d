namespace Basis.Core.Trading;

/// <summary>Unwraps EtherFi's King token into the reward tokens it holds, before they are sold (an on-chain call).</summary>
public sealed record RewardUnwrap(string Reason) : TradeIntent(Reason)
{
    /// <inheritdoc />
    /// <remarks>It has no size: the same call at any scale.</remarks>
    public override TradeIntent ScaledBy(double factor) => this;
}
