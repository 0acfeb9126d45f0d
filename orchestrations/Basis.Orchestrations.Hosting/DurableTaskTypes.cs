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
        where TOrchestrator : class, ITaskOrchestrator, new() => AddOrchestrators([typeof(TOrchestrator)]);

    /// <summary>Adds an activity class; it is created from the host's services for every call (constructor injection).</summary>
    public DurableTaskTypes AddActivity<TActivity>()
        where TActivity : class, ITaskActivity => AddActivities([typeof(TActivity)]);

    /// <summary>Adds orchestrator classes (see <see cref="AddOrchestrator{TOrchestrator}"/>).</summary>
    public DurableTaskTypes AddOrchestrators(IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        foreach (var type in types)
        {
            Add(_orchestrators, Check<ITaskOrchestrator>(type, needsParameterlessConstructor: true));
        }

        return this;
    }

    /// <summary>Adds activity classes (see <see cref="AddActivity{TActivity}"/>).</summary>
    public DurableTaskTypes AddActivities(IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        foreach (var type in types)
        {
            Add(_activities, Check<ITaskActivity>(type, needsParameterlessConstructor: false));
        }

        return this;
    }

    /// <summary>The name a class runs under.</summary>
    public static string NameOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.GetCustomAttribute<DurableTaskAttribute>()?.Name.Name is { Length: > 0 } name ? name : type.Name;
    }

    private static Type Check<TKind>(Type type, bool needsParameterlessConstructor) =>
        type.IsClass && !type.IsAbstract && typeof(TKind).IsAssignableFrom(type) && (!needsParameterlessConstructor || type.GetConstructor(Type.EmptyTypes) is not null)
            ? type
            : throw new ArgumentException($"{type.FullName} is not a concrete {typeof(TKind).Name}{(needsParameterlessConstructor ? " with a parameterless constructor" : string.Empty)}.", nameof(type));

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
