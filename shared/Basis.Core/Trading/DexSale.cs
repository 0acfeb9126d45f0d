using Basis.Core.Instruments;

namespace Basis.Core.Trading;

/// <summary>Sells <paramref name="Amount"/> of a wallet token (reward tokens) for ETH on a DEX.</summary>
public sealed record DexSale(Asset Token, double Amount, string Reason) : TradeIntent(Reason)
{
    /// <inheritdoc />
    public override TradeIntent ScaledBy(double factor) => this with { Amount = Amount * factor };
}
