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
