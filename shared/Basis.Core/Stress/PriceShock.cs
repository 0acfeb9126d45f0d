using System.Globalization;
using Basis.Core.Instruments;
using Basis.Core.Market;

namespace Basis.Core.Stress;

/// <summary>
/// An asset jumps by <paramref name="Size"/> (e.g. −0.15) in one hour and stays there: every USD price of it in the
/// run — spot, perp marks and the oracle — moves together, so a hedge sees the move but no spread.
/// </summary>
public sealed record PriceShock(Asset Asset, double Size, DateTime StartUtc) : MarketShock(StartUtc)
{
    private static readonly string[] PriceColumns = ["open", "high", "low", "close", "price"];

    /// <inheritdoc />
    public override string ToArgument() =>
        string.Create(CultureInfo.InvariantCulture, $"{Asset.Symbol().ToLowerInvariant()}_shock={Size:R},at={At}");

    /// <inheritdoc />
    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Asset.Symbol()} {(Size >= 0 ? "+" : string.Empty)}{Size * 100:0.##}% at {StartUtc:yyyy-MM-ddTHH:mm}Z");

    internal override MarketData Apply(MarketData market, int startHour) =>
        Reshape(market, IsPriceOf, PriceColumns, (_, prices) =>
        {
            for (var h = startHour; h < prices.Length; h++)
            {
                prices[h] *= 1 + Size;
            }
        });

    private bool IsPriceOf(SeriesId id)
    {
        var symbol = Asset.Symbol();
        return id.Kind switch
        {
            SeriesKind.Spot or SeriesKind.Perp => id.Value.EndsWith($"/{symbol}USDT", StringComparison.Ordinal) || (Asset == Asset.Eth && id.Value.EndsWith("/WETHUSDT", StringComparison.Ordinal)),
            SeriesKind.Oracle => id.Value == $"oracle/aave/{symbol}-USD",
            _ => false,
        };
    }
}
