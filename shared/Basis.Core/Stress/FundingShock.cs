using System.Globalization;
using Basis.Core.Market;

namespace Basis.Core.Stress;

/// <summary>
/// Funding turns against shorts on every venue for <paramref name="Hours"/>: each published rate becomes −|rate|,
/// or <paramref name="Rate"/> when one is given. Funding times stay those of the data.
/// </summary>
public sealed record FundingShock(DateTime StartUtc, int Hours, double? Rate) : MarketShock(StartUtc)
{
    /// <inheritdoc />
    public override string ToArgument() => Rate is { } rate
        ? string.Create(CultureInfo.InvariantCulture, $"funding={rate:R},at={At},hours={Hours}")
        : string.Create(CultureInfo.InvariantCulture, $"funding_flip,at={At},hours={Hours}");

    /// <inheritdoc />
    public override string Describe() => Rate is { } rate
        ? string.Create(CultureInfo.InvariantCulture, $"funding set to {rate:0.######} per interval from {StartUtc:yyyy-MM-ddTHH:mm}Z for {Hours} h")
        : string.Create(CultureInfo.InvariantCulture, $"funding flipped negative from {StartUtc:yyyy-MM-ddTHH:mm}Z for {Hours} h");

    internal override MarketData Apply(MarketData market, int startHour) =>
        Reshape(market, id => id.Kind == SeriesKind.Funding, ["rate"], (_, rates) =>
        {
            for (var h = startHour; h < Math.Min(rates.Length, startHour + Hours); h++)
            {
                if (!double.IsNaN(rates[h]))
                {
                    rates[h] = Rate ?? -Math.Abs(rates[h]);
                }
            }
        });
}
