namespace Basis.Orchestrations.Abstractions;

/// <summary>
/// Orchestrators and activities by name (case-insensitive). Built once at start-up and shared by every silo;
/// inputs and outputs cross the registry as JSON strings.
/// </summary>
public sealed class OrchestrationRegistry
{
    private readonly Dictionary<string, Func<OrchestrationContext, Task<object?>>> orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<ActivityContext, string?, Task<string?>>> activities = new(StringComparer.OrdinalIgnoreCase);

    public OrchestrationRegistry AddOrchestrator<TOutput>(string name, Func<OrchestrationContext, Task<TOutput>> orchestrator)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        Add(orchestrators, name, async context => (object?)await orchestrator(context));
        return this;
    }

    public OrchestrationRegistry AddOrchestrator(string name, Func<OrchestrationContext, Task> orchestrator)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        Add(orchestrators, name, async context =>
        {
            await orchestrator(context);
            return null;
        });
        return this;
    }

    public OrchestrationRegistry AddActivity<TInput, TOutput>(string name, Func<ActivityContext, TInput?, Task<TOutput>> activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Add(activities, name, async (context, input) => JsonData.Serialize(await activity(context, JsonData.Deserialize<TInput>(input)).ConfigureAwait(false)));
        return this;
    }

    public OrchestrationRegistry AddActivity<TInput, TOutput>(string name, Func<TInput?, TOutput> activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Add(activities, name, (_, input) => Task.FromResult(JsonData.Serialize(activity(JsonData.Deserialize<TInput>(input)))));
        return this;
    }

    public bool HasOrchestrator(string name) => orchestrators.ContainsKey(name);

    internal Func<OrchestrationContext, Task<object?>> GetOrchestrator(string name) =>
        orchestrators.TryGetValue(name, out var orchestrator)
            ? orchestrator
            : throw new InvalidOperationException($"No orchestrator named '{name}' is registered; registered: {string.Join(", ", orchestrators.Keys)}.");

    internal Func<ActivityContext, string?, Task<string?>> GetActivity(string name) =>
        activities.TryGetValue(name, out var activity)
            ? activity
            : throw new InvalidOperationException($"No activity named '{name}' is registered; registered: {string.Join(", ", activities.Keys)}.");

    private static void Add<T>(Dictionary<string, T> functions, string name, T function)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!functions.TryAdd(name, function))
        {
            throw new InvalidOperationException($"A function named '{name}' is already registered.");
        }
    }
}
