using Basis.Core.Instruments;

namespace Basis.Core.Strategies;

/// <summary>Checks several families' bindings share.</summary>
internal static class ParameterChecks
{
    /// <summary>An enum key limited to the members a family supports.</summary>
    public static T OneOf<T>(this IParameterReader reader, string key, params T[] allowed)
        where T : struct, Enum
    {
        var value = reader.RequiredEnum<T>(key);
        if (!reader.HasErrors && !allowed.Contains(value))
        {
            reader.AddError(key, $"must be one of {string.Join(", ", allowed.Select(Name))} (got {Name(value)})");
        }

        return value;
    }

    private static string Name<T>(T value)
        where T : struct, Enum => value switch
        {
            Asset asset => asset.Symbol(),
            Venue venue => venue.Name(),
            _ => value.ToString(),
        };
}
