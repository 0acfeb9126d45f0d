using Basis.Core.Instruments;

namespace Basis.Core.Trading;

/// <summary>A market order on an exchange's spot market: buys (positive) or sells (negative) <paramref name="BaseDelta"/> units for USDT.</summary>
public sealed record SpotOrder(Venue Venue, Asset Asset, double BaseDelta, string Reason) : TradeIntent(Reason)
{
    /// <inheritdoc />
    public override TradeIntent ScaledBy(double factor) => this with { BaseDelta = BaseDelta * factor };
}
