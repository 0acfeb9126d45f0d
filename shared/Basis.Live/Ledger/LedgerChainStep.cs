using System.Numerics;

namespace Basis.Live.Ledger;

/// <summary>
/// An on-chain step of a real instance: <c>Amount</c> of <c>Asset</c> (token units) supplied to or withdrawn from
/// AAVE v3, of ETH wrapped into WETH or unwrapped, staked, swapped on Uniswap for <c>Counter</c>, moved between the
/// wallet and an exchange (<c>Venue</c>, the ledger's location of it), or a leveraged loop's atomic plan (<c>Flash</c>). <c>StepId</c> is unique per instance and derived from the hour
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

    /// <summary>
    /// A swap's other token: what it gives for <c>Asset</c> (an exact-output swap) or takes (exact input); a loop's other
    /// side: the LST a lever supplies, the WETH an exit sells for. Null for every other kind.
    /// </summary>
    public string? Counter { get; init; }

    /// <summary>
    /// A swap's bound on its <c>Counter</c> side, in that token's units: at least this much received for an exact input,
    /// at most this much paid for an exact output; the pool reverts a swap beyond it. For a loop's exit, the least WETH its
    /// sale must give. Null for every other kind.
    /// </summary>
    public decimal? Limit { get; init; }

    /// <summary>
    /// A loop's flash loan, in WETH: what a lever borrows by flash loan (and then on the account, with the premium), what a
    /// deleverage repays of the debt with it; an unwind repays the whole debt at its block. Null for every other kind.
    /// </summary>
    public decimal? Flash { get; init; }
}
