using System.Text.Json;
using Basis.Api.Runs;
using Basis.Data.Stores;

namespace Basis.Api.Http;

/// <summary>The status of a backtest or sweep, shaped like Durable Functions' status response.</summary>
public sealed record RunStatusResponse(
    string Id,
    string Kind,
    string RuntimeStatus,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    JsonElement? CustomStatus,
    JsonElement? Output,
    string? Error,
    string? Sweep,
    string? ResultUri)
{
    public static RunStatusResponse From(RunView run, string resultUri)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(
            run.Id,
            run.Kind,
            run.Status.ToString(),
            run.Created,
            run.Updated,
            Json(run.CustomStatusJson),
            Json(run.OutputJson),
            run.Error,
            run.SweepId,
            run.Status == RunStatus.Completed ? resultUri : null);
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

/// <summary>A run in a list: a sweep's runs name their sweep.</summary>
public sealed record RunListEntry(string Id, string Status, DateTimeOffset Created, DateTimeOffset Updated, string? Sweep, string? Error);

/// <summary>Where to follow a submitted run (Durable Functions' names).</summary>
public sealed record RunLinks(string Id, string StatusQueryGetUri, string TerminatePostUri, string ResultUri);
