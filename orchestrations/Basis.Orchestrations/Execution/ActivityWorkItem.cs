namespace Basis.Orchestrations.Execution;

/// <summary>One activity call sent to an activity grain.</summary>
[GenerateSerializer, Immutable]
public sealed record ActivityWorkItem(
    [property: Id(0)] string InstanceId,
    [property: Id(1)] int Generation,
    [property: Id(2)] int TaskId,
    [property: Id(3)] string Name,
    [property: Id(4)] string? Input)
{
    /// <summary>The activity grain's key: one grain per call, so calls spread over silos and a duplicate delivery finds the first result.</summary>
    public string GrainKey => $"{InstanceId}|{Generation}|{TaskId}";
}
