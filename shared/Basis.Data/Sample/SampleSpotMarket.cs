namespace Basis.Data.Sample;

/// <summary>A spot venue quoting a <see cref="SampleAsset"/>: its bars follow the asset's common path plus venue noise.</summary>
/// <param name="Series">The series id, e.g. <c>spot/binance/ETHUSDT</c>.</param>
/// <param name="AverageHourlyVolume">Average traded volume per hour, in base units (actual hours vary with activity and noise).</param>
/// <param name="NoiseBps">Standard deviation of the venue's price around the common path, in basis points.</param>
public sealed record SampleSpotMarket(string Series, double AverageHourlyVolume, double NoiseBps);
