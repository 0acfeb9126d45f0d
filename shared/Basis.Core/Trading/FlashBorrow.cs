namespace Basis.Core.Trading;

/// <summary>A step of an <see cref="AtomicPlan"/>: borrows <paramref name="Eth"/> of WETH by flash loan into the wallet.</summary>
public sealed record FlashBorrow(double Eth, string Reason) : TradeIntent(Reason)
{
    /// <inheritdoc />
    public override TradeIntent ScaledBy(double factor) => this with { Eth = Eth * factor };
}
