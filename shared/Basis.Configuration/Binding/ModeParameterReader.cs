using Basis.Configuration.Reading;
using Basis.Core.Strategies;

namespace Basis.Configuration.Binding;

/// <summary>
/// A strategy family's view of a mode's keys: Core's <see cref="IParameterReader"/> over a <see cref="ConfigReader"/>,
/// so every key the family reads is checked, located and counted as known as any other. An adapter rather than
/// <see cref="ConfigReader"/> itself, which stays generic and knows nothing of Basis' bindings.
/// </summary>
/// <remarks>
/// Every setting read is noted in <paramref name="ranges"/> with its type and bounds (<paramref name="prefix"/> dots a
/// nested mapping's keys), which <see cref="ResolvedMode.Parameters"/> hands to clients.
/// </remarks>
internal sealed class ModeParameterReader(ConfigReader reader, List<ParameterRange> ranges, string prefix = "") : IParameterReader
{
    public bool HasErrors => reader.HasErrors;

    public bool Has(string key) => reader.Has(key);

    public T Required<T>(string key, T? min = null, T? max = null)
        where T : struct, IComparable<T>
    {
        ranges.Add(ParameterRange.Of(prefix + key, min, max));
        return reader.Required(key, min, max);
    }

    public T OptionalWithDefault<T>(string key, T defaultValue, T? min = null, T? max = null)
        where T : struct, IComparable<T>
    {
        ranges.Add(ParameterRange.Of(prefix + key, min, max));
        return reader.Optional(key, defaultValue, min, max);
    }

    public T RequiredEnum<T>(string key, params T[] choices)
        where T : struct, Enum
    {
        var members = choices.Length > 0 ? choices : Enum.GetValues<T>();
        ranges.Add(new ParameterRange(prefix + key, "choice", null, null, [.. members.Select(ChoiceNames.Of)]));
        return reader.Enum<T>(key);
    }

    public IParameterReader? OptionalChild(string key) =>
        reader.OptionalChild(key) is { } child ? new ModeParameterReader(child, ranges, $"{prefix}{key}.") : null;

    public void AddError(string key, string message) => reader.AddError(key, message);
}
