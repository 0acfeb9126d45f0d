using System.Net;
using Basis.Venues.Exchanges;
using Basis.Venues.Exchanges.Binance;

namespace Basis.Venues.Tests.Exchanges.Binance;

// Codes from https://developers.binance.com/docs/derivatives/usds-margined-futures/error-code and
// https://developers.binance.com/docs/binance-spot-api-docs/errors.
public sealed class BinanceErrorsTests
{
    [Theory]
    [InlineData(-1000, "An unknown error occurred while processing the request.", ExchangeErrorKind.Unknown)]
    [InlineData(-1001, "Internal error; unable to process your request. Please try again.", ExchangeErrorKind.ExchangeUnavailable)]
    [InlineData(-1002, "You are not authorized to execute this request.", ExchangeErrorKind.Permission)]
    [InlineData(-1003, "Too many requests; current limit is 2400 request weight per 1 MINUTE.", ExchangeErrorKind.RateLimited)]
    [InlineData(-1007, "Timeout waiting for response from backend server. Send status unknown; execution status unknown.", ExchangeErrorKind.ExchangeUnavailable)]
    [InlineData(-1015, "Too many new orders; current limit is 300 orders per TEN_SECONDS.", ExchangeErrorKind.RateLimited)]
    [InlineData(-1021, "Timestamp for this request is outside of the recvWindow.", ExchangeErrorKind.TimestampOutsideRecvWindow)]
    [InlineData(-1022, "Signature for this request is not valid.", ExchangeErrorKind.Authentication)]
    [InlineData(-1102, "Mandatory parameter 'quantity' was not sent, was empty/null, or malformed.", ExchangeErrorKind.InvalidRequest)]
    [InlineData(-1121, "Invalid symbol.", ExchangeErrorKind.InvalidRequest)]
    [InlineData(-1122, "Invalid symbol status.", ExchangeErrorKind.MarketClosed)]
    [InlineData(-2010, "Account has insufficient balance for requested action.", ExchangeErrorKind.InsufficientBalanceOrMargin)]
    [InlineData(-2010, "Duplicate order sent.", ExchangeErrorKind.DuplicateClientOrderId)]
    [InlineData(-2010, "Market is closed.", ExchangeErrorKind.MarketClosed)]
    [InlineData(-2011, "Unknown order sent.", ExchangeErrorKind.UnknownOrder)]
    [InlineData(-2013, "Order does not exist.", ExchangeErrorKind.UnknownOrder)]
    [InlineData(-2014, "API-key format invalid.", ExchangeErrorKind.Authentication)]
    [InlineData(-2015, "Invalid API-key, IP, or permissions for action.", ExchangeErrorKind.Authentication)]
    [InlineData(-2018, "Balance is insufficient.", ExchangeErrorKind.InsufficientBalanceOrMargin)]
    [InlineData(-2019, "Margin is insufficient.", ExchangeErrorKind.InsufficientBalanceOrMargin)]
    [InlineData(-4046, "No need to change margin type.", ExchangeErrorKind.InvalidRequest)]
    [InlineData(-4116, "ClientOrderId is duplicated.", ExchangeErrorKind.DuplicateClientOrderId)]
    public void Codes_map_to_kinds(int code, string message, ExchangeErrorKind expected) =>
        Assert.Equal(expected, BinanceErrors.KindOf(code, message));

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, ExchangeErrorKind.RateLimited)]
    [InlineData((HttpStatusCode)418, ExchangeErrorKind.IpBanned)]
    [InlineData(HttpStatusCode.InternalServerError, ExchangeErrorKind.ExchangeUnavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, ExchangeErrorKind.ExchangeUnavailable)]
    [InlineData(HttpStatusCode.Forbidden, ExchangeErrorKind.Permission)]
    public void Http_statuses_without_a_json_error_map_to_kinds(HttpStatusCode status, ExchangeErrorKind expected)
    {
        var error = BinanceErrors.FromResponse(status, null, "<html>busy</html>");

        Assert.Equal(expected, error.Kind);
        Assert.Null(error.VenueCode);
        Assert.Equal((int)status, error.HttpStatus);
    }

    [Fact]
    public void The_json_error_keeps_code_and_message()
    {
        var error = BinanceErrors.FromResponse(HttpStatusCode.BadRequest, null, """{"code":-2019,"msg":"Margin is insufficient."}""");

        Assert.Equal(ExchangeErrorKind.InsufficientBalanceOrMargin, error.Kind);
        Assert.Equal("-2019", error.VenueCode);
        Assert.Equal("Margin is insufficient.", error.VenueMessage);
        Assert.Equal(ExchangeVenue.Binance, error.Venue);
    }
}
