using System.Text.Json;
using Basis.Data.Stores;
using Basis.Orchestrations.Abstractions;

namespace Basis.Server.Http;

/// <summary>
/// The status of a backtest or sweep, shaped like Durable Functions' status response. It comes from the
/// orchestration while the engine knows the instance, and from the result store otherwise (after a restart).
/// </summary>
internal sealed record RunStatusResponse(
    string Id,
    string Kind,
    string RuntimeStatus,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    JsonElement? CustomStatus,
    JsonElement? Output,
    string? Error,
    string? ResultUri)
{
    public static RunStatusResponse FromOrchestration(OrchestrationMetadata metadata, string kind, string resultUri) => new(
        metadata.InstanceId,
        kind,
        metadata.RuntimeStatus.ToString(),
        new DateTimeOffset(metadata.CreatedAtUtc, TimeSpan.Zero),
        new DateTimeOffset(metadata.LastUpdatedAtUtc, TimeSpan.Zero),
        Json(metadata.SerializedCustomStatus),
        Json(metadata.SerializedOutput),
        metadata.FailureDetails?.Innermost().ErrorMessage,
        metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? resultUri : null);

    public static RunStatusResponse FromRecord(RunRecord record, string resultUri)
    {
        // A run the store saw start but no engine knows: its host stopped (embedded mode keeps orchestrations in memory).
        var orphaned = record.Status is RunStatus.Pending or RunStatus.Running;
        return new(
            record.RunId,
            record.Kind,
            record.Status.ToString(),
            record.CreatedUtc,
            record.UpdatedUtc,
            null,
            null,
            orphaned ? "the host running this stopped before it finished; submit the request again" : record.Error,
            record.Status == RunStatus.Completed ? resultUri : null);
    }

    private static JsonElement? Json(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
