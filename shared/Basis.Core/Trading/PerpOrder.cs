using Basis.Core.Instruments;

namespace Basis.Core.Trading;

/// <summary>A market order changing a perpetual position by <paramref name="SizeDelta"/> base units (negative sells).</summary>
public sealed record PerpOrder(Instrument Perp, double SizeDelta, string Reason) : TradeIntent(Reason)
{
    /// <inheritdoc />
    public override TradeIntent ScaledBy(double factor) => this with { SizeDelta = SizeDelta * factor };
}
