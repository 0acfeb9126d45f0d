using System.Globalization;
using Basis.ExchangeSimulator.Accounting;

namespace Basis.ExchangeSimulator.Binance;

/// <summary>A request's parameters (query and form body together, as Binance reads them) and, when signed, its account.</summary>
internal sealed record BinanceRequest(IReadOnlyDictionary<string, string> Parameters, SimAccount? SignedAccount)
{
    public SimAccount Account => SignedAccount ?? throw new InvalidOperationException("The endpoint is not signed.");

    public string? Text(string name) => Parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public bool TryLong(string name, out long? value, out BinanceError? error)
    {
        value = null;
        error = null;
        if (Text(name) is not { } text)
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        error = BinanceError.IllegalValue(name);
        return false;
    }

    /// <summary>
    /// The symbol, side and type a new order names, on the spot API as on the futures one; the error Binance answers when
    /// one is missing, the symbol is not among <paramref name="instruments"/>, or the side or type is unknown; else null.
    /// </summary>
    public BinanceError? OrderHead(IReadOnlyDictionary<string, Instrument> instruments, out string symbol, out OrderSide side, out OrderType type)
    {
        (symbol, side, type) = (Text("symbol") ?? "", OrderSide.Buy, OrderType.Market);
        if (symbol.Length == 0)
        {
            return BinanceError.Mandatory("symbol");
        }

        if (!instruments.ContainsKey(symbol))
        {
            return BinanceError.InvalidSymbol;
        }

        if (Text("side") is not { } sideText)
        {
            return BinanceError.Mandatory("side");
        }

        if (Text("type") is not { } typeText)
        {
            return BinanceError.Mandatory("type");
        }

        OrderSide? parsedSide = sideText switch { "BUY" => OrderSide.Buy, "SELL" => OrderSide.Sell, _ => null };
        OrderType? parsedType = typeText switch { "MARKET" => OrderType.Market, "LIMIT" => OrderType.Limit, _ => null };
        if (parsedSide is not { } knownSide)
        {
            return BinanceError.InvalidSide;
        }

        if (parsedType is not { } knownType)
        {
            return BinanceError.InvalidOrderType;
        }

        (side, type) = (knownSide, knownType);
        return null;
    }

    /// <summary>
    /// The error Binance answers when a query or cancel does not name its order: a symbol among
    /// <paramref name="instruments"/>, and its <c>orderId</c> or <c>origClientOrderId</c>; else null.
    /// </summary>
    public BinanceError? OrderKey(IReadOnlyDictionary<string, Instrument> instruments)
    {
        if (Text("symbol") is not { } symbol)
        {
            return BinanceError.Mandatory("symbol");
        }

        if (!instruments.ContainsKey(symbol))
        {
            return BinanceError.InvalidSymbol;
        }

        if (!TryLong("orderId", out var id, out var error))
        {
            return error;
        }

        return id is null && Text("origClientOrderId") is null
            ? new BinanceError(400, -1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!")
            : null;
    }

    public bool TryDecimal(string name, out decimal? value)
    {
        value = null;
        if (Text(name) is not { } text)
        {
            return true;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }
}
