using Basis.Core.Instruments;

namespace Basis.Core.Trading;

/// <summary>Repays <paramref name="Amount"/> of debt from the wallet.</summary>
public sealed record AaveRepay(Instrument DebtToken, double Amount, string Reason) : TradeIntent(Reason)
{
    /// <inheritdoc />
    public override TradeIntent ScaledBy(double factor) => this with { Amount = Amount * factor };
}
