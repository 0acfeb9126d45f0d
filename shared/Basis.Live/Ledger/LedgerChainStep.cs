using System.Numerics;

namespace Basis.Live.Ledger;

/// <summary>
/// An on-chain step of a real instance: <c>Amount</c> of <c>Asset</c> (token units) supplied to or withdrawn from
/// AAVE v3, of ETH wrapped into WETH or unwrapped, or moved between the wallet and an exchange (<c>Venue</c>, the ledger's
/// location of it). <c>StepId</c> is unique per instance and derived from the hour
/// that decided it; once signed, the step carries its transaction's nonce, hash and raw bytes, so it can be sent again
/// as the very same transaction.
/// </summary>
public sealed record LedgerChainStep(
    string InstanceId,
    string StepId,
    ChainStepKind Kind,
    string Asset,
    decimal Amount,
    ChainStepStatus Status,
    BigInteger? Nonce,
    string? TxHash,
    string? RawTx,
    string? Reason,
    DateTimeOffset CreatedUtc,
    DateTimeOffset UpdatedUtc)
{
    /// <summary>The exchange a deposit goes to or a withdrawal comes from (<c>binance</c>, <c>bybit</c>, <c>okx</c>); null for every other kind.</summary>
    public string? Venue { get; init; }

    /// <summary>The venue's id of a withdrawal, once it took the request; null before and for every other kind.</summary>
    public string? VenueRef { get; init; }
}
