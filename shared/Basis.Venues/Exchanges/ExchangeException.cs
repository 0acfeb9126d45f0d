namespace Basis.Venues.Exchanges;

/// <summary>An error reported by a venue (or the transport to it), classified so callers can act on the kind.</summary>
public sealed class ExchangeException : Exception
{
    public ExchangeException(
        ExchangeVenue venue,
        ExchangeErrorKind kind,
        string? venueCode,
        string venueMessage,
        int? httpStatus = null,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(Describe(venue, kind, venueCode, venueMessage, httpStatus), innerException)
    {
        Venue = venue;
        Kind = kind;
        VenueCode = venueCode;
        VenueMessage = venueMessage;
        HttpStatus = httpStatus;
        RetryAfter = retryAfter;
    }

    public ExchangeVenue Venue { get; }
    public ExchangeErrorKind Kind { get; }

    /// <summary>The venue's own error code as it sends it (Binance "-2019", Bybit "110007", OKX "51008"); null for transport failures.</summary>
    public string? VenueCode { get; }

    public string VenueMessage { get; }
    public int? HttpStatus { get; }

    /// <summary>How long the venue asked us to wait (Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    private static string Describe(ExchangeVenue venue, ExchangeErrorKind kind, string? code, string message, int? httpStatus) =>
        $"{venue} {kind}" + (httpStatus is { } s ? $" (HTTP {s})" : "") + (code is null ? "" : $" code {code}") + $": {message}";
}
