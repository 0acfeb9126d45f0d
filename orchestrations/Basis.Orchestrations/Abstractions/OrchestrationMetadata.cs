namespace Basis.Orchestrations.Abstractions;

/// <summary>A snapshot of one orchestration instance as a client sees it. JSON values are left serialized.</summary>
[GenerateSerializer, Immutable]
public sealed record OrchestrationMetadata(
    [property: Id(0)] string InstanceId,
    [property: Id(1)] string Name,
    [property: Id(2)] OrchestrationRuntimeStatus RuntimeStatus,
    [property: Id(3)] DateTime CreatedAtUtc,
    [property: Id(4)] DateTime LastUpdatedAtUtc,
    [property: Id(5)] string? SerializedInput,
    [property: Id(6)] string? SerializedOutput,
    [property: Id(7)] string? SerializedCustomStatus,
    [property: Id(8)] FailureDetails? FailureDetails)
{
    public bool IsCompleted => RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    public T? ReadOutputAs<T>() => JsonData.Deserialize<T>(SerializedOutput);

    public T? ReadCustomStatusAs<T>() => JsonData.Deserialize<T>(SerializedCustomStatus);
}
