namespace Basis.Data.Import;

/// <summary>How source rows become canonical rows.</summary>
internal enum SeriesTransform
{
    /// <summary>One source row is one canonical row.</summary>
    None,

    /// <summary>Daily AAVE snapshots become hourly rows (<see cref="GeometricIndexInterpolation"/>).</summary>
    DailySnapshotsToHourly,
}
