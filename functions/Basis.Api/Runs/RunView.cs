using Basis.Data.Stores;

namespace Basis.Api.Runs;

/// <summary>
/// A run as clients see it: its record and, while the engine knows it, its orchestration (progress, output, error).
/// </summary>
/// <param name="Id">The run id.</param>
/// <param name="Kind">backtest or sweep.</param>
/// <param name="Status">Pending, Running, Completed, Failed or Terminated.</param>
/// <param name="Created">When it was submitted.</param>
/// <param name="Updated">When it last changed.</param>
/// <param name="CustomStatusJson">The orchestration's progress, as JSON.</param>
/// <param name="OutputJson">The orchestration's output, as JSON (completed runs).</param>
/// <param name="Error">Why it failed or was terminated.</param>
/// <param name="SweepId">The sweep it is one run of.</param>
public sealed record RunView(
    string Id,
    string Kind,
    RunStatus Status,
    DateTimeOffset Created,
    DateTimeOffset Updated,
    string? CustomStatusJson,
    string? OutputJson,
    string? Error,
    string? SweepId);

/// <summary>What a request to terminate a run found.</summary>
public enum TerminateOutcome
{
    /// <summary>The run (and, for a sweep, its pending runs) was terminated.</summary>
    Terminated,

    /// <summary>No such run.</summary>
    NotFound,

    /// <summary>The run had already finished; nothing changed.</summary>
    AlreadyFinished,
}
