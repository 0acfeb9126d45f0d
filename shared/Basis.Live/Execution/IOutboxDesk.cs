namespace Basis.Live.Execution;

/// <summary>A real desk that sends what a real instance's cycles wrote ahead in the ledger (its orders, its on-chain steps).</summary>
public interface IOutboxDesk
{
    /// <summary>Sends the instance's outbox, oldest first, stopping at the first thing that does not go out.</summary>
    Task<SendOutcome> SendAsync(string instanceId, CancellationToken cancellationToken = default);
}
