using System.Globalization;
using Basis.Core.Market;

namespace Basis.Core.Stress;

/// <summary>
/// An AAVE reserve's variable borrow rate rises by <paramref name="ExtraApr"/> for <paramref name="Hours"/>: its
/// borrow index compounds the extra rate hour by hour in the window and keeps the extra growth afterwards.
/// </summary>
public sealed record BorrowRateShock(string Reserve, double ExtraApr, DateTime StartUtc, int Hours) : MarketShock(StartUtc)
{
    /// <inheritdoc />
    public override string ToArgument() =>
        string.Create(CultureInfo.InvariantCulture, $"borrow_spike={ExtraApr:R},at={At},hours={Hours},reserve={Reserve}");

    /// <inheritdoc />
    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Reserve} borrow rate +{ExtraApr * 100:0.##}% a year from {StartUtc:yyyy-MM-ddTHH:mm}Z for {Hours} h");

    internal override MarketData Apply(MarketData market, int startHour)
    {
        var id = SeriesId.Parse($"aave/ethereum/{Reserve}");
        if (!market.Has(id))
        {
            throw new StressScenarioException($"The borrow-rate shock names {Reserve}, but the run holds no AAVE position in it.");
        }

        var end = startHour + Hours;
        return Reshape(market, s => s == id, ["variable_borrow_index", "variable_borrow_rate"], (column, values) =>
        {
            var extra = 1.0;
            for (var h = startHour; h < values.Length; h++)
            {
                if (column == "variable_borrow_rate")
                {
                    values[h] += h < end ? ExtraApr : 0;
                    continue;
                }

                if (h > startHour && h <= end)
                {
                    extra *= 1 + (ExtraApr / 8760);
                }

                values[h] *= extra;
            }
        });
    }
}
