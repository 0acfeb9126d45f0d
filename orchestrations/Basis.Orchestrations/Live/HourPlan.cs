using Basis.Live.Ledger;

namespace Basis.Orchestrations.Live;

/// <summary>The venues' side of an hour: orders and on-chain steps to record with it, or why it cannot be carried out.</summary>
public sealed record HourPlan(IReadOnlyList<LedgerOrder> Orders, IReadOnlyList<LedgerChainStep> ChainSteps, string? Refusal)
{
    /// <summary>An hour whose intents the desk cannot send: the cycle stops before it.</summary>
    public static HourPlan Refused(string reason) => new([], [], reason);
}
