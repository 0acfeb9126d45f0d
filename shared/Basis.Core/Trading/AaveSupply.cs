using Basis.Core.Instruments;

namespace Basis.Core.Trading;

/// <summary>Supplies <paramref name="Amount"/> of the reserve's underlying from the wallet to AAVE.</summary>
public sealed record AaveSupply(Instrument AToken, double Amount, string Reason) : TradeIntent(Reason)
{
    /// <inheritdoc />
    public override TradeIntent ScaledBy(double factor) => this with { Amount = Amount * factor };
}
