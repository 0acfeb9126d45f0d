namespace Basis.Core.Market;

/// <summary>How a run uses a series, which decides how it is laid onto the hour grid.</summary>
public enum SeriesUse
{
    /// <summary>A level read "as of" each hour (prices, indices, rates, gas), within the kind's staleness limit.</summary>
    Level,

    /// <summary>Events placed on the hour they fall in (funding): never forward-filled; gaps longer than the staleness limit are uncovered hours.</summary>
    Events,

    /// <summary>Rows kept as they are (reward distributions paid inside the run).</summary>
    Distributions,
}
