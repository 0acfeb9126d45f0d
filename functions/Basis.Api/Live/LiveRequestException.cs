namespace Basis.Api.Live;

/// <summary>A live request that cannot be honoured as given: every bad field (as the API names it) with its messages.</summary>
public sealed class LiveRequestException(IReadOnlyDictionary<string, List<string>> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
{
    public IReadOnlyDictionary<string, List<string>> Errors { get; } = errors;
}

/// <summary>An operation the instance's status does not allow (starting a retired instance, pausing a halted one…).</summary>
public sealed class LiveConflictException(string message) : Exception(message);

/// <summary>Real execution was asked for and <see cref="Basis.Live.Safety.ExecutionGate"/> refused it; every reason names a switch or variable.</summary>
public sealed class LiveExecutionRefusedException(IReadOnlyList<string> reasons)
    : Exception("Real execution is refused: " + string.Join(" ", reasons))
{
    public IReadOnlyList<string> Reasons { get; } = reasons;
}
