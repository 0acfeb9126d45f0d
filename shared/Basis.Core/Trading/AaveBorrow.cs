using Basis.Core.Instruments;

namespace Basis.Core.Trading;

/// <summary>Borrows <paramref name="Amount"/> of the debt token's reserve at the variable rate into the wallet.</summary>
public sealed record AaveBorrow(Instrument DebtToken, double Amount, string Reason) : TradeIntent(Reason)
{
    /// <inheritdoc />
    public override TradeIntent ScaledBy(double factor) => this with { Amount = Amount * factor };
}
