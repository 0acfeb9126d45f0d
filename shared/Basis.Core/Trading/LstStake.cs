using Basis.Core.Instruments;

namespace Basis.Core.Trading;

/// <summary>Stakes <paramref name="Eth"/> from the wallet into the liquid staking token at the protocol rate.</summary>
public sealed record LstStake(LstToken Lst, double Eth, string Reason) : TradeIntent(Reason)
{
    /// <inheritdoc />
    public override TradeIntent ScaledBy(double factor) => this with { Eth = Eth * factor };
}
