using Basis.Live.Ledger;

namespace Basis.Orchestrations.Tests.Support;

/// <summary>What an operator's calls record in the ledger, for tests that run the runtime without the HTTP host.</summary>
internal static class OperatorActions
{
    /// <summary>What an emergency stop records (LiveService.EmergencyStopAsync): the instance halted, a breach asking for the unwind.</summary>
    public static async Task EmergencyStopAsync(PostgresLiveLedger ledger, string instanceId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await ledger.ChangeStatusAsync(instanceId, [LiveInstanceStatus.Active], LiveInstanceStatus.Halted, at, cancellationToken);
        await ledger.AppendEventAsync(new LedgerEvent(instanceId, LedgerEventKind.Breach, "emergency stop by the operator", UnwindRequest.PendingDetails, at), cancellationToken);
    }
}
