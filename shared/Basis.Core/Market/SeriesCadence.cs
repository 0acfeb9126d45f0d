namespace Basis.Core.Market;

/// <summary>How often a series has rows.</summary>
public enum SeriesCadence
{
    /// <summary>One row per UTC hour; a missing hour is a gap.</summary>
    Hourly,

    /// <summary>One row per UTC day at 00:00.</summary>
    Daily,

    /// <summary>Rows only when something happens (a funding time, a payout); never forward-filled.</summary>
    Event,
}
