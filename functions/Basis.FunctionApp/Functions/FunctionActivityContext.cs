namespace Basis.FunctionApp.Functions;

/// <summary>
/// The context a class-based activity gets when a <c>[Function]</c> adapter runs it: its name and the orchestration
/// instance that called it (the activity trigger's <c>instanceId</c> binding). This is what
/// Microsoft.DurableTask.Generators emits for class-based activities; the generator package is not served here.
/// </summary>
public sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    /// <inheritdoc />
    public override TaskName Name { get; } = name;

    /// <inheritdoc />
    public override string InstanceId { get; } = instanceId;
}
