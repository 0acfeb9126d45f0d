namespace Basis.Core.Strategies;

/// <summary>Checks several families' bindings share.</summary>
internal static class ParameterChecks
{
    /// <summary>An enum key limited to the members a family supports.</summary>
    public static T OneOf<T>(this IParameterReader reader, string key, params T[] allowed)
        where T : struct, Enum
    {
        var value = reader.RequiredEnum(key, allowed);
        if (!reader.HasErrors && !allowed.Contains(value))
        {
            reader.AddError(key, $"must be one of {string.Join(", ", allowed.Select(ChoiceNames.Of))} (got {ChoiceNames.Of(value)})");
        }

        return value;
    }
}
