using System.Text.Json.Serialization;

namespace Basis.Data.Validation;

/// <summary>How bad a finding is. Declared worst first, so ordering by severity puts errors first.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ValidationSeverity>))]
public enum ValidationSeverity
{
    /// <summary>The data breaks the layout's contract: readers would refuse it or a run would use impossible values.</summary>
    [JsonStringEnumMemberName("error")]
    Error,

    /// <summary>Real data has this (gaps, stale stretches); runs decide with staleness limits and fallbacks.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,

    /// <summary>Worth knowing, harmless on its own.</summary>
    [JsonStringEnumMemberName("info")]
    Info,
}
