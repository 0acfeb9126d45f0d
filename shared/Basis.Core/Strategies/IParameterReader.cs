namespace Basis.Core.Strategies;

/// <summary>
/// The keys of a mode's file, as a strategy family's binding reads them. Core defines it and reads no files: the
/// configuration layer implements it over its source-tracked reader, which checks types and bounds, collects every
/// error with its file and line, and reports the keys no binding asked for as unknown.
/// </summary>
public interface IParameterReader
{
    /// <summary>True once any error has been recorded; cross-field checks run only on values that read cleanly.</summary>
    bool HasErrors { get; }

    /// <summary>True when the key is present and not null.</summary>
    bool Has(string key);

    /// <summary>A required value (bool, int, double, ...) within the inclusive bounds when given.</summary>
    T Required<T>(string key, T? min = null, T? max = null)
        where T : struct, IComparable<T>;

    /// <summary>An optional value; <paramref name="defaultValue"/> when absent or null.</summary>
    T OptionalWithDefault<T>(string key, T defaultValue, T? min = null, T? max = null)
        where T : struct, IComparable<T>;

    /// <summary>
    /// A required enum member; errors list the allowed values. <paramref name="choices"/> are the members the family
    /// accepts (every member when none are given), as clients are told; the family checks a narrower set itself.
    /// </summary>
    T RequiredEnum<T>(string key, params T[] choices)
        where T : struct, Enum;

    /// <summary>An optional nested mapping, or null when absent or null.</summary>
    IParameterReader? OptionalChild(string key);

    /// <summary>Records a problem with <paramref name="key"/> (a cross-field rule, say).</summary>
    void AddError(string key, string message);
}
