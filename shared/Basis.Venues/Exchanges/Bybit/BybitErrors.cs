using System.Globalization;

namespace Basis.Venues.Exchanges.Bybit;

/// <summary>
/// Bybit v5's retCodes (https://bybit-exchange.github.io/docs/v5/error) mapped to the venue-neutral kinds. Bybit
/// answers most errors with HTTP 200 and {"retCode":110007,"retMsg":"..."}.
/// </summary>
internal static class BybitErrors
{
    public const int LeverageNotModified = 110043;

    public static ExchangeErrorKind KindOf(int retCode) => retCode switch
    {
        10002 => ExchangeErrorKind.TimestampOutsideRecvWindow,
        10003 or 10004 or 33004 => ExchangeErrorKind.Authentication,
        10005 or 10010 => ExchangeErrorKind.Permission,
        10006 or 10018 => ExchangeErrorKind.RateLimited,
        10016 => ExchangeErrorKind.ExchangeUnavailable,
        110001 => ExchangeErrorKind.UnknownOrder,
        110004 or 110007 or 110012 or 110044 or 110045 => ExchangeErrorKind.InsufficientBalanceOrMargin,
        // Asset: 131212 a transfer's, 131001 / 131085 a withdrawal's balance short of amount and fee.
        131212 or 131001 or 131085 => ExchangeErrorKind.InsufficientBalanceOrMargin,
        131093 => ExchangeErrorKind.Permission, // the address is not in Bybit's withdrawal whitelist
        110072 => ExchangeErrorKind.DuplicateClientOrderId,
        // Spot: 170131 balance insufficient, 170141 duplicate orderLinkId, 170213 no such order to cancel.
        170131 => ExchangeErrorKind.InsufficientBalanceOrMargin,
        170141 => ExchangeErrorKind.DuplicateClientOrderId,
        170213 => ExchangeErrorKind.UnknownOrder,
        >= 170000 and < 180000 => ExchangeErrorKind.InvalidRequest,
        10001 => ExchangeErrorKind.InvalidRequest,
        >= 110000 and < 120000 => ExchangeErrorKind.InvalidRequest,
        131002 or 131203 or 131210 or 131211 or 131214 or 131215 => ExchangeErrorKind.InvalidRequest,
        _ => ExchangeErrorKind.Unknown,
    };

    public static ExchangeException FromRetCode(int retCode, string message) =>
        new(ExchangeVenue.Bybit, KindOf(retCode), retCode.ToString(CultureInfo.InvariantCulture), message, 200);

    /// <summary>Non-200 answers: 403 is Bybit's IP ban for exceeding the IP limit, 5xx an unknown outcome.</summary>
    public static ExchangeException FromHttpStatus(int httpStatus, string reason) => new(
        ExchangeVenue.Bybit,
        httpStatus switch
        {
            403 => ExchangeErrorKind.IpBanned,
            429 => ExchangeErrorKind.RateLimited,
            401 => ExchangeErrorKind.Authentication,
            >= 500 => ExchangeErrorKind.ExchangeUnavailable,
            _ => ExchangeErrorKind.InvalidRequest,
        },
        null, reason, httpStatus);
}
