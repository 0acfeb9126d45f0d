using Basis.Core.Instruments;

namespace Basis.Core.Trading;

/// <summary>
/// Moves <paramref name="Amount"/> of one token between own balances on two venues: from the wallet an on-chain
/// send, from an exchange a withdrawal (which pays the exchange's fee on top).
/// </summary>
public sealed record TokenTransfer(Instrument From, Instrument To, double Amount, string Reason) : TradeIntent(Reason)
{
    /// <inheritdoc />
    public override TradeIntent ScaledBy(double factor) => this with { Amount = Amount * factor };
}
