using Basis.Core.Instruments;

namespace Basis.Core.Trading;

/// <summary>Sells <paramref name="Units"/> of a liquid staking token from the wallet for ETH on a DEX.</summary>
public sealed record LstSale(LstToken Lst, double Units, string Reason) : TradeIntent(Reason)
{
    /// <inheritdoc />
    public override TradeIntent ScaledBy(double factor) => this with { Units = Units * factor };
}
