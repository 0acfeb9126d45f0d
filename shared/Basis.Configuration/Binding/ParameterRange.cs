using System.Globalization;

namespace Basis.Configuration.Binding;

/// <summary>
/// A setting a strategy family reads, as its binding declares it: the dotted key, the type (<c>number</c>,
/// <c>integer</c>, <c>boolean</c>, <c>choice</c>, …) and the inclusive bounds the value is checked against, if any, or
/// a choice's members as the files write them. Collected while binding, so a client can show the ranges the API will
/// hold a value to.
/// </summary>
public sealed record ParameterRange(string Key, string Type, double? Min, double? Max, IReadOnlyList<string>? Choices = null)
{
    internal static ParameterRange Of<T>(string key, T? min, T? max)
        where T : struct, IComparable<T> => new(key, TypeName<T>(), Number(min), Number(max));

    private static string TypeName<T>() => typeof(T) switch
    {
        var t when t == typeof(bool) => "boolean",
        var t when t == typeof(int) || t == typeof(long) => "integer",
        var t when t == typeof(double) || t == typeof(decimal) => "number",
        var t when t == typeof(DateTime) => "time",
        var t => t.Name.ToLowerInvariant(),
    };

    private static double? Number<T>(T? value)
        where T : struct => value is { } v && v is IConvertible convertible && typeof(T) != typeof(DateTime) && typeof(T) != typeof(bool)
            ? convertible.ToDouble(CultureInfo.InvariantCulture)
            : null;
}
