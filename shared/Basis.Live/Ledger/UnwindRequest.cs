using System.Text.Json;

namespace Basis.Live.Ledger;

/// <summary>
/// An operator's emergency stop asks the runtime to unwind the book: the breach it records carries
/// <c>{"unwind":"pending"}</c>, and the runtime answers with an alert carrying <c>{"unwind":"done"}</c> once the engine
/// has freed everything into cash. The request is pending while the latest breach asks and no later alert answers. A
/// real instance's unwind may be sent before it is done (withdrawals on their way): an alert carrying
/// <c>{"unwind":"sent"}</c> says so, and the runtime then only follows what was sent.
/// </summary>
public static class UnwindRequest
{
    /// <summary>The details of the breach that asks for an unwind.</summary>
    public const string PendingDetails = """{"unwind": "pending"}""";

    /// <summary>The details of the alert that says the unwind was done.</summary>
    public const string DoneDetails = """{"unwind": "done"}""";

    /// <summary>The details of the alert that says a real instance's unwind was sent and is on its way.</summary>
    public const string SentDetails = """{"unwind": "sent"}""";

    /// <summary>True when the instance's latest breach asks for an unwind that no later alert reports done.</summary>
    public static async Task<bool> IsPendingAsync(PostgresLiveLedger ledger, string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var breaches = await ledger.LatestEventsAsync(instanceId, LedgerEventKind.Breach, 1, cancellationToken).ConfigureAwait(false);
        if (breaches.Count == 0 || !Says(breaches[0], "pending"))
        {
            return false;
        }

        return !await AnsweredAsync(ledger, instanceId, breaches[0], "done", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the pending unwind was sent (a real instance's, with what it sent still on its way).</summary>
    public static async Task<bool> IsSentAsync(PostgresLiveLedger ledger, string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var breaches = await ledger.LatestEventsAsync(instanceId, LedgerEventKind.Breach, 1, cancellationToken).ConfigureAwait(false);
        return breaches.Count > 0 && Says(breaches[0], "pending") && await AnsweredAsync(ledger, instanceId, breaches[0], "sent", cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> AnsweredAsync(PostgresLiveLedger ledger, string instanceId, LedgerEvent request, string state, CancellationToken cancellationToken)
    {
        var alerts = await ledger.LatestEventsAsync(instanceId, LedgerEventKind.Alert, 20, cancellationToken).ConfigureAwait(false);
        return alerts.Any(a => a.OccurredUtc >= request.OccurredUtc && Says(a, state));
    }

    private static bool Says(LedgerEvent ledgerEvent, string state)
    {
        if (ledgerEvent.DetailsJson is null)
        {
            return false;
        }

        using var details = JsonDocument.Parse(ledgerEvent.DetailsJson);
        return details.RootElement.ValueKind == JsonValueKind.Object
            && details.RootElement.TryGetProperty("unwind", out var unwind)
            && unwind.ValueKind == JsonValueKind.String
            && unwind.GetString() == state;
    }
}
