namespace Basis.ExchangeSimulator.Binance;

/// <summary>
/// A Binance error body <c>{"code":-1021,"msg":"..."}</c> with its HTTP status. Codes and messages from
/// https://developers.binance.com/docs/derivatives/usds-margined-futures/error-code
/// </summary>
internal sealed record BinanceError(int Status, int Code, string Message)
{
    public static BinanceError Mandatory(string name) => new(400, -1102, $"Mandatory parameter '{name}' was not sent, was empty/null, or malformed.");

    public static BinanceError IllegalValue(string name) => new(400, -1100, $"Illegal characters found in parameter '{name}'; legal range is '^[0-9]{{1,20}}$'.");

    public static readonly BinanceError TimestampAhead = new(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
    public static readonly BinanceError TimestampOutsideWindow = new(400, -1021, "Timestamp for this request is outside of the recvWindow.");
    public static readonly BinanceError BadSignature = new(400, -1022, "Signature for this request is not valid.");
    public static readonly BinanceError ApiKeyFormat = new(401, -2014, "API-key format invalid.");
    public static readonly BinanceError InvalidApiKey = new(401, -2015, "Invalid API-key, IP, or permissions for action, request ip: 127.0.0.1");
    public static readonly BinanceError InvalidSymbol = new(400, -1121, "Invalid symbol.");
    public static readonly BinanceError Precision = new(400, -1111, "Precision is over the maximum defined for this asset.");
    public static readonly BinanceError TickSize = new(400, -4014, "Price not increased by tick size.");
    public static readonly BinanceError InsufficientMargin = new(400, -2019, "Margin is insufficient.");
    public static readonly BinanceError DuplicateClientOrderId = new(400, -4116, "ClientOrderId is duplicated.");
    public static readonly BinanceError OrderDoesNotExist = new(400, -2013, "Order does not exist.");
    public static readonly BinanceError UnknownOrderSent = new(400, -2011, "Unknown order sent.");
    public static readonly BinanceError NoNeedToChangeMarginType = new(400, -4046, "No need to change margin type.");
    public static readonly BinanceError ReduceOnlyRejected = new(400, -2022, "ReduceOnly Order is rejected.");
    public static readonly BinanceError InvalidOrderType = new(400, -1116, "Invalid orderType.");
    public static readonly BinanceError InvalidSide = new(400, -1117, "Invalid side.");

    // Spot (https://developers.binance.com/docs/binance-spot-api-docs/errors): order refusals are -2010 NEW_ORDER_REJECTED
    // or -1013 with the filter that failed.
    public static readonly BinanceError SpotInsufficientBalance = new(400, -2010, "Account has insufficient balance for requested action.");
    public static readonly BinanceError SpotDuplicateOrder = new(400, -2010, "Duplicate order sent.");
    public static readonly BinanceError SpotLotSize = new(400, -1013, "Filter failure: LOT_SIZE");
    public static readonly BinanceError SpotPriceFilter = new(400, -1013, "Filter failure: PRICE_FILTER");
    public static readonly BinanceError SpotNotional = new(400, -1013, "Filter failure: NOTIONAL");

    // Wallet (/sapi): as ccxt's table of Binance's codes has them.
    public static readonly BinanceError WithdrawInsufficientBalance = new(400, -4026, "You have insufficient balance.");
    public static readonly BinanceError TransferInsufficientBalance = new(400, -5013, "Asset transfer failed: insufficient balance");

    public static BinanceError BelowMinNotional(decimal minNotional) =>
        new(400, -4164, $"Order's notional must be no smaller than {minNotional:0.##} (unless you choose reduce only).");

    public static BinanceError InvalidLeverage(string leverage) => new(400, -4028, $"Leverage {leverage} is not valid");
}
