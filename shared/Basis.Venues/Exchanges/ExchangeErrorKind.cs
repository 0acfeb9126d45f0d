namespace Basis.Venues.Exchanges;

public enum ExchangeErrorKind
{
    Unknown,
    Authentication,
    Permission,
    /// <summary>Rejected before execution; safe to send again after <see cref="ExchangeException.RetryAfter"/>.</summary>
    RateLimited,
    /// <summary>The venue banned our IP for ignoring rate limits; retrying makes the ban longer.</summary>
    IpBanned,
    TimestampOutsideRecvWindow,
    InsufficientBalanceOrMargin,
    UnknownOrder,
    /// <summary>The venue has no withdrawal with that id.</summary>
    UnknownWithdrawal,
    DuplicateClientOrderId,
    InvalidRequest,
    MarketClosed,
    /// <summary>5xx, timeout or broken connection: whether the request took effect is unknown.</summary>
    ExchangeUnavailable,
}
