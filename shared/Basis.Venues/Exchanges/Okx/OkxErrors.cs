namespace Basis.Venues.Exchanges.Okx;

/// <summary>
/// OKX v5 error codes (https://www.okx.com/docs-v5/en/#error-code) mapped to the venue-neutral kinds. OKX answers
/// {"code":"1","msg":"...","data":[{"sCode":"51008","sMsg":"..."}]} for a refused order: the item's sCode is the reason.
/// </summary>
internal static class OkxErrors
{
    public static ExchangeErrorKind KindOf(string code) => code switch
    {
        "50102" => ExchangeErrorKind.TimestampOutsideRecvWindow,
        "50103" or "50104" or "50105" or "50111" or "50113" => ExchangeErrorKind.Authentication,
        "50110" or "50120" => ExchangeErrorKind.Permission,
        "50011" or "50061" => ExchangeErrorKind.RateLimited,
        "50001" or "50013" => ExchangeErrorKind.ExchangeUnavailable,
        "51603" => ExchangeErrorKind.UnknownOrder,
        // 58350: the funding account short for a transfer or withdrawal; 58229: for a withdrawal's fee.
        "51008" or "58350" or "58229" => ExchangeErrorKind.InsufficientBalanceOrMargin,
        "51016" => ExchangeErrorKind.DuplicateClientOrderId,
        "58102" => ExchangeErrorKind.RateLimited, // transfers too frequent
        "58207" => ExchangeErrorKind.Permission, // the address is not on OKX's verified withdrawal list
        _ when code.StartsWith("51", StringComparison.Ordinal) || code.StartsWith("50", StringComparison.Ordinal)
            || code.StartsWith("58", StringComparison.Ordinal) => ExchangeErrorKind.InvalidRequest,
        _ => ExchangeErrorKind.Unknown,
    };

    public static ExchangeException From(string code, string message, int httpStatus) => new(
        ExchangeVenue.Okx,
        httpStatus switch
        {
            429 => ExchangeErrorKind.RateLimited,
            >= 500 => ExchangeErrorKind.ExchangeUnavailable,
            _ => KindOf(code),
        },
        code, message, httpStatus);
}
