using System.Globalization;
using Basis.ExchangeSimulator.Accounting;

namespace Basis.ExchangeSimulator.Binance;

/// <summary>
/// Binance sends most numbers as strings with a field-dependent number of decimals: balances and PnL with 8,
/// mark prices and funding rates with 8, quantities with the symbol's quantity precision, order prices and entry
/// prices without trailing zeros, average fill prices with at least 5.
/// </summary>
internal static class BinanceFormat
{
    public static string Money(decimal value) => Math.Round(value, 8, MidpointRounding.ToEven).ToString("F8", CultureInfo.InvariantCulture);

    public static string Rate(decimal value) => Money(value);

    public static string Quantity(Instrument instrument, decimal value) =>
        value.ToString("F" + Decimals(instrument.QuantityStep).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Plain(decimal value) => value == 0 ? "0" : value.ToString("0.############################", CultureInfo.InvariantCulture);

    public static string EntryPrice(decimal value) => value == 0 ? "0.0" : Plain(value);

    public static string AveragePrice(decimal value)
    {
        var text = Plain(Math.Round(value, 8, MidpointRounding.ToEven));
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var decimals = dot < 0 ? 0 : text.Length - dot - 1;
        return decimals >= 5 ? text : value.ToString("F5", CultureInfo.InvariantCulture);
    }

    public static string Side(OrderSide side) => side is OrderSide.Buy ? "BUY" : "SELL";

    public static string Type(OrderType type) => type is OrderType.Market ? "MARKET" : "LIMIT";

    public static string Status(OrderStatus status) => status switch
    {
        OrderStatus.New => "NEW",
        OrderStatus.PartiallyFilled => "PARTIALLY_FILLED",
        OrderStatus.Filled => "FILLED",
        OrderStatus.Canceled => "CANCELED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown order status"),
    };

    public static string MarginType(MarginMode mode) => mode is MarginMode.Isolated ? "isolated" : "cross";

    private static int Decimals(decimal step) => BitConverter.GetBytes(decimal.GetBits(step)[3])[2];
}
