using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Basis.Venues.Exchanges.Binance;

/// <summary>
/// Binance's error codes (https://developers.binance.com/docs/derivatives/usds-margined-futures/error-code and
/// https://developers.binance.com/docs/binance-spot-api-docs/errors) mapped to the venue-neutral kinds.
/// </summary>
internal static class BinanceErrors
{
    public const int NoNeedToChangeMarginType = -4046;

    public static ExchangeErrorKind KindOf(int code, string message) => code switch
    {
        -1001 or -1006 or -1007 or -1008 => ExchangeErrorKind.ExchangeUnavailable,
        -1002 => ExchangeErrorKind.Permission,
        -1003 or -1015 => ExchangeErrorKind.RateLimited,
        -1021 => ExchangeErrorKind.TimestampOutsideRecvWindow,
        -1022 or -2014 or -2015 => ExchangeErrorKind.Authentication,
        -1122 => ExchangeErrorKind.MarketClosed,
        -2018 or -2019 or -4050 or -4051 => ExchangeErrorKind.InsufficientBalanceOrMargin,
        -2011 or -2013 => ExchangeErrorKind.UnknownOrder,
        // Wallet: a withdrawal (-4026, which futures use for an invalid commission) or transfer short of the balance.
        -4026 when message.Contains("insufficient balance", StringComparison.OrdinalIgnoreCase) => ExchangeErrorKind.InsufficientBalanceOrMargin,
        -5002 or -5013 => ExchangeErrorKind.InsufficientBalanceOrMargin,
        -4116 => ExchangeErrorKind.DuplicateClientOrderId,
        // Spot's NEW_ORDER_REJECTED carries the reason only in its message.
        -2010 => SpotOrderRejection(message),
        <= -1100 and >= -1199 => ExchangeErrorKind.InvalidRequest,
        <= -4000 and >= -4999 => ExchangeErrorKind.InvalidRequest,
        _ => ExchangeErrorKind.Unknown,
    };

    public static ExchangeException FromResponse(HttpStatusCode status, TimeSpan? retryAfter, string body)
    {
        var (code, message) = Parse(body);
        var httpStatus = (int)status;
        var kind = httpStatus switch
        {
            429 => ExchangeErrorKind.RateLimited,
            418 => ExchangeErrorKind.IpBanned,
            >= 500 => ExchangeErrorKind.ExchangeUnavailable,
            _ when code is { } c => KindOf(c, message ?? ""),
            401 => ExchangeErrorKind.Authentication,
            403 => ExchangeErrorKind.Permission,
            _ => ExchangeErrorKind.InvalidRequest,
        };
        return new ExchangeException(
            ExchangeVenue.Binance, kind, code?.ToString(CultureInfo.InvariantCulture),
            message ?? status.ToString(), httpStatus, retryAfter);
    }

    private static ExchangeErrorKind SpotOrderRejection(string message) =>
        message.Contains("insufficient balance", StringComparison.OrdinalIgnoreCase) ? ExchangeErrorKind.InsufficientBalanceOrMargin
        : message.Contains("duplicate order", StringComparison.OrdinalIgnoreCase) ? ExchangeErrorKind.DuplicateClientOrderId
        : message.Contains("market is closed", StringComparison.OrdinalIgnoreCase) ? ExchangeErrorKind.MarketClosed
        : ExchangeErrorKind.InvalidRequest;

    // {"code":-2019,"msg":"Margin is insufficient."}; a proxy or WAF may answer with HTML or nothing.
    private static (int? Code, string? Message) Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number
                && root.TryGetProperty("msg", out var message))
                return (code.GetInt32(), message.GetString());
        }
        catch (JsonException)
        {
        }
        return (null, null);
    }
}
