namespace Basis.Data.Sample;

/// <summary>
/// A perpetual future on a <see cref="SampleAsset"/> at one venue; writes <c>perp/{Venue}/{Symbol}</c> and
/// <c>funding/{Venue}/{Symbol}</c>.
/// </summary>
/// <param name="Venue">Venue name as used in series ids (<c>binance</c>, <c>bybit</c>, <c>okx</c>).</param>
/// <param name="Symbol">Instrument, e.g. <c>ETHUSDT</c>.</param>
/// <param name="AverageHourlyVolume">Average traded volume per hour, in base units (actual hours vary with activity and noise).</param>
/// <param name="MarkNoiseBps">Standard deviation of this venue's basis around the asset's common basis, in basis points.</param>
/// <param name="FundingDeviationSd">
/// Standard deviation of this venue's funding rate around the asset's common funding pressure, per funding interval.
/// </param>
public sealed record SamplePerpMarket(string Venue, string Symbol, double AverageHourlyVolume, double MarkNoiseBps, double FundingDeviationSd)
{
    /// <summary>The bars series, <c>perp/{Venue}/{Symbol}</c>.</summary>
    public string PerpSeries => $"perp/{Venue}/{Symbol}";

    /// <summary>The funding series, <c>funding/{Venue}/{Symbol}</c>.</summary>
    public string FundingSeries => $"funding/{Venue}/{Symbol}";
}
