namespace Basis.Data.Stores;

/// <summary>The life of a run as the store records it (the names match the orchestration's runtime status).</summary>
public enum RunStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Terminated,
}

/// <summary>What a status means.</summary>
public static class RunStatusExtensions
{
    /// <summary>Completed, Failed and Terminated are final: a run's record never leaves them.</summary>
    public static bool IsFinished(this RunStatus status) => status is RunStatus.Completed or RunStatus.Failed or RunStatus.Terminated;
}
