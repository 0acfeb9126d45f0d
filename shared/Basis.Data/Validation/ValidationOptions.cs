using Basis.Core.Market;

namespace Basis.Data.Validation;

/// <summary>What <see cref="DataValidator.Validate"/> looks at and how much it reports.</summary>
public sealed record ValidationOptions
{
    /// <summary>Only rows at or after this UTC time; month files entirely before it are not read.</summary>
    public DateTime? FromUtc { get; init; }

    /// <summary>Only rows before this UTC time (exclusive); month files entirely after it are not read.</summary>
    public DateTime? ToUtc { get; init; }

    /// <summary>Only these series; a listed series without files is an error. Null validates every series under the root.</summary>
    public IReadOnlyCollection<SeriesId>? Series { get; init; }

    /// <summary>How many rows a value finding lists as examples.</summary>
    public int MaxExamples { get; init; } = 5;

    /// <summary>How many ranges a gap or staleness finding lists; the message always gives the totals.</summary>
    public int MaxRanges { get; init; } = 20;

    /// <summary>How many series are validated at once; null uses every core.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
