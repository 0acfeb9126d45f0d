namespace Basis.Orchestrations.Abstractions;

/// <summary>Thrown into orchestrator code when an activity it awaited failed; carries the activity's error.</summary>
public sealed class TaskFailedException : Exception
{
    public TaskFailedException(string activityName, int taskId, FailureDetails failureDetails)
        : base($"Activity '{activityName}' (task {taskId}) failed: {failureDetails}")
    {
        ActivityName = activityName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    public TaskFailedException() : this("unknown", -1, new FailureDetails("unknown", "unknown")) { }

    public TaskFailedException(string message) : this(message, null) { }

    public TaskFailedException(string message, Exception? innerException) : base(message, innerException)
    {
        ActivityName = "unknown";
        FailureDetails = new FailureDetails("unknown", message);
    }

    public string ActivityName { get; }

    public int TaskId { get; } = -1;

    public FailureDetails FailureDetails { get; }
}
