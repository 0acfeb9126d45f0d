namespace Basis.Venues.Exchanges.Streams;

/// <summary>
/// One mark-price push, venue-neutral. <paramref name="IndexPrice"/>, <paramref name="FundingRate"/> and
/// <paramref name="NextFundingTime"/> are null when the venue's message does not carry them (OKX's mark-price channel
/// has only the mark; Binance sends an empty rate and 0 for delivery contracts).
/// </summary>
public sealed record MarkPriceUpdate(
    string Symbol,
    decimal MarkPrice,
    decimal? IndexPrice,
    decimal? FundingRate,
    DateTimeOffset? NextFundingTime,
    DateTimeOffset EventTime);
