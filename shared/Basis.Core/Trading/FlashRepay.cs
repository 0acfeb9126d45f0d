namespace Basis.Core.Trading;

/// <summary>A step of an <see cref="AtomicPlan"/>: repays everything borrowed by flash loan, with its fee, from the wallet.</summary>
public sealed record FlashRepay(string Reason) : TradeIntent(Reason)
{
    /// <inheritdoc />
    /// <remarks>It has no size: the same call at any scale.</remarks>
    public override TradeIntent ScaledBy(double factor) => this;
}
