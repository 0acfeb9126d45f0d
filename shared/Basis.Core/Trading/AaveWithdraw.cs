using Basis.Core.Instruments;

namespace Basis.Core.Trading;

/// <summary>Withdraws <paramref name="Amount"/> of the reserve's underlying from AAVE to the wallet.</summary>
public sealed record AaveWithdraw(Instrument AToken, double Amount, string Reason) : TradeIntent(Reason)
{
    /// <inheritdoc />
    public override TradeIntent ScaledBy(double factor) => this with { Amount = Amount * factor };
}
