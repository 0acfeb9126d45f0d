namespace Basis.Venues.Exchanges;

/// <summary>The one way the exchange clients put a request on the wire.</summary>
internal static class ExchangeHttp
{
    /// <summary>
    /// Sends <paramref name="message"/>; a connection failure or a timeout (not the caller's cancellation) becomes
    /// <see cref="ExchangeErrorKind.ExchangeUnavailable"/> naming <paramref name="request"/>, which the retry pipelines act on.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient http, HttpRequestMessage message, ExchangeVenue venue, string request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new ExchangeException(venue, ExchangeErrorKind.ExchangeUnavailable, null, $"{request}: connection failed", innerException: e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ExchangeException(venue, ExchangeErrorKind.ExchangeUnavailable, null, $"{request}: timed out", innerException: e);
        }
    }
}
