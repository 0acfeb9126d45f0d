using System.Reflection;
using Microsoft.DurableTask;

namespace Basis.Orchestrations.Hosting;

/// <summary>
/// The orchestrators and activities an engine runs, by name: a <see cref="DurableTaskAttribute"/> name when the
/// class has one, the class name otherwise (the convention of Durable Functions and of the Durable Task SDK).
/// </summary>
public sealed class DurableTaskTypes
{
    private readonly Dictionary<string, Type> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Type> _activities = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Orchestrator classes by name.</summary>
    public IReadOnlyDictionary<string, Type> Orchestrators => _orchestrators;

    /// <summary>Activity classes by name.</summary>
    public IReadOnlyDictionary<string, Type> Activities => _activities;

    /// <summary>Adds an orchestrator class; it is created anew for every execution, so it needs a parameterless constructor.</summary>
    public DurableTaskTypes AddOrchestrator<TOrchestrator>()
        where TOrchestrator : class, ITaskOrchestrator, new()
    {
        Add(_orchestrators, typeof(TOrchestrator));
        return this;
    }

    /// <summary>Adds an activity class; it is created from the host's services for every call (constructor injection).</summary>
    public DurableTaskTypes AddActivity<TActivity>()
        where TActivity : class, ITaskActivity
    {
        Add(_activities, typeof(TActivity));
        return this;
    }

    /// <summary>The name a class runs under.</summary>
    public static string NameOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.GetCustomAttribute<DurableTaskAttribute>()?.Name.Name is { Length: > 0 } name ? name : type.Name;
    }

    private static void Add(Dictionary<string, Type> types, Type type)
    {
        var name = NameOf(type);
        if (types.TryGetValue(name, out var existing) && existing != type)
        {
            throw new InvalidOperationException($"Two classes run as '{name}': {existing.FullName} and {type.FullName}.");
        }

        types[name] = type;
    }
}
