using System.Text.Json.Serialization;

namespace Basis.Data.Import;

/// <summary>What the importer did with one source file (or one expected file that was not there).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImportAction>))]
public enum ImportAction
{
    /// <summary>Written to the canonical layout as it was.</summary>
    [JsonStringEnumMemberName("imported")]
    Imported,

    /// <summary>Written after repairs (duplicates removed, rows sorted, bad rows dropped, daily indices made hourly).</summary>
    [JsonStringEnumMemberName("repaired-and-imported")]
    RepairedAndImported,

    /// <summary>Recognised but not imported because it is fake, empty, garbage or contradicts other data.</summary>
    [JsonStringEnumMemberName("refused")]
    Refused,

    /// <summary>Recognised and deliberately not imported (derived, redundant, configuration or a report).</summary>
    [JsonStringEnumMemberName("skipped")]
    Skipped,

    /// <summary>Not a file the importer knows; listed so that nothing is silently ignored.</summary>
    [JsonStringEnumMemberName("unrecognised")]
    Unrecognised,

    /// <summary>A file the mapping expects was not found; the entry's path is the pattern that matched nothing.</summary>
    [JsonStringEnumMemberName("missing")]
    Missing,
}
