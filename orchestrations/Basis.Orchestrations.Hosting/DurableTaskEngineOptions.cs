namespace Basis.Orchestrations.Hosting;

/// <summary>
/// How the self-hosted engine runs: its back end, and for Azure Storage the task hub and the tuning that decides how
/// fast work moves and how fast a dead process' share is taken over (DESIGN §3).
/// </summary>
public sealed record DurableTaskEngineOptions
{
    /// <summary>The default task hub: a name Azure Storage accepts (letters and digits, 3–45, starting with a letter).</summary>
    public const string DefaultTaskHub = "basis";

    /// <summary>Where orchestrations live.</summary>
    public DurableTaskBackend Backend { get; init; } = DurableTaskBackend.Embedded;

    /// <summary>The storage connection string (Functions' <c>AzureWebJobsStorage</c>); required for Azure Storage.</summary>
    public string? StorageConnection { get; init; }

    /// <summary>The task hub: processes with the same hub on the same storage account share the work.</summary>
    public string TaskHub { get; init; } = DefaultTaskHub;

    /// <summary>Control-queue partitions, the unit a process leases (1–16). More partitions spread orchestrations over more processes.</summary>
    public int PartitionCount { get; init; } = 4;

    /// <summary>
    /// Activities one process runs at once on Azure Storage (Durable Functions' <c>maxConcurrentActivityFunctions</c>:
    /// ten per processor). The in-memory service fixes its own: one per processor.
    /// </summary>
    public int MaxConcurrentActivities { get; init; } = 10 * Environment.ProcessorCount;

    /// <summary>Orchestration episodes one process runs at once on Azure Storage (Durable Functions' <c>maxConcurrentOrchestratorFunctions</c>).</summary>
    public int MaxConcurrentOrchestrations { get; init; } = 10 * Environment.ProcessorCount;

    /// <summary>
    /// The longest an idle process waits between queue polls (Azure Storage). The provider backs off to this when
    /// queues are empty; the provider's default (30 s) makes an idle hub slow to notice new work, 1 s does not.
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a process holds a partition lease without renewing it. When a process dies, its partitions are free
    /// after this, and the others (trying every <see cref="LeaseAcquireInterval"/>) take them: about 10–15 s in all,
    /// instead of minutes with the provider's defaults (30 s lease, 5 min message visibility).
    /// </summary>
    public TimeSpan LeaseInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a live process renews its leases (well inside <see cref="LeaseInterval"/>).</summary>
    public TimeSpan LeaseRenewInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How often a process looks for free or expired leases.</summary>
    public TimeSpan LeaseAcquireInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long a dequeued message stays invisible to other processes: a message taken by a process that then dies
    /// reappears after this. Live processes renew it while they work, so long activities are not affected.
    /// </summary>
    public TimeSpan MessageVisibilityTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (Backend == DurableTaskBackend.AzureStorage && string.IsNullOrWhiteSpace(StorageConnection))
        {
            throw new ArgumentException("The Azure Storage back end needs a storage connection string (AzureWebJobsStorage).", nameof(StorageConnection));
        }

        if (!DurableConventions.IsTaskHubName(TaskHub))
        {
            throw new ArgumentException($"'{TaskHub}' is not a task hub name: 3–45 letters or digits, starting with a letter.", nameof(TaskHub));
        }

        if (PartitionCount is < 1 or > 16)
        {
            throw new ArgumentException($"The partition count must be 1–16 (got {PartitionCount}).", nameof(PartitionCount));
        }

        if (MaxConcurrentActivities < 1 || MaxConcurrentOrchestrations < 1)
        {
            throw new ArgumentException("Concurrency limits must be at least 1.", nameof(MaxConcurrentActivities));
        }
    }
}
