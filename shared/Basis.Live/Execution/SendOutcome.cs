namespace Basis.Live.Execution;

/// <summary>What sending an instance's outbox (its orders, or its on-chain steps) did.</summary>
/// <param name="Sent">Orders the venues took, or transactions mined, in this send (a send a crash cut short, finished, counts).</param>
/// <param name="Settled">What the ledger recorded of them: fills, or the transfers the transactions made.</param>
/// <param name="Failure">Why sending stopped before the outbox was empty (a venue or node error after the retries, an order refused, a transaction reverted), or null.</param>
/// <param name="Waiting">
/// What sending stopped to wait for, with nothing wrong (a deposit the venue has not credited yet, a withdrawal not yet
/// in the wallet): what waits behind it goes at a later send. Null when nothing waits.
/// </param>
/// <param name="LaterDesksGo">
/// True when what waits holds back only this desk's own outbox (chain steps behind a withdrawal), so the desks after it
/// still send; false when it holds back theirs too (orders behind a deposit, which may need its margin).
/// </param>
public sealed record SendOutcome(int Sent, int Settled, string? Failure, string? Waiting = null, bool LaterDesksGo = false)
{
    /// <summary>True when everything in the outbox went out and nothing waits.</summary>
    public bool Succeeded => Failure is null && Waiting is null;
}
