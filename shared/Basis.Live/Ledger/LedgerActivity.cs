namespace Basis.Live.Ledger;

/// <summary>
/// One thing the instance's engine did in an hour (an event in the shape of a backtest's <c>events.jsonl</c>, or a
/// safety-gate verdict), at its place (<c>Ordinal</c>) among the hour's, as a JSON object.
/// </summary>
public sealed record LedgerActivity(string InstanceId, DateTimeOffset HourUtc, int Ordinal, string Kind, string BodyJson)
{
    /// <summary>The kinds that trip the circuit breaker whatever their body: a liquidation, bad debt, an hour under a risk floor.</summary>
    public static IReadOnlyList<string> BreakerKinds { get; } = ["liquidation", "bad_debt", "risk_floor"];

    /// <summary>The kind of a safety-gate verdict, which trips the circuit breaker when it refused the intent.</summary>
    public const string GateKind = "gate";

    /// <summary>True when this activity trips the circuit breaker.</summary>
    public bool TripsBreaker =>
        BreakerKinds.Contains(Kind, StringComparer.Ordinal) || (Kind == GateKind && GateVerdictOf(BodyJson) == "refused");

    private static string? GateVerdictOf(string bodyJson)
    {
        using var body = System.Text.Json.JsonDocument.Parse(bodyJson);
        return body.RootElement.TryGetProperty("verdict", out var verdict) ? verdict.GetString() : null;
    }
}
