using Serilog.Context;

namespace Basis.Server.Hosting;

/// <summary>
/// Gives every request a correlation id: the caller's <c>X-Correlation-Id</c> when it sends a sane one, a new one
/// otherwise. It is echoed in the response and attached to every log line written while handling the request.
/// </summary>
internal static class CorrelationIds
{
    public const string Header = "X-Correlation-Id";

    public static IApplicationBuilder UseCorrelationIds(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var offered = context.Request.Headers[Header].ToString();
            var id = offered.Length is > 0 and <= 64 && offered.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
                ? offered
                : context.TraceIdentifier;
            context.Response.Headers[Header] = id;
            using (LogContext.PushProperty("CorrelationId", id))
            {
                await next(context);
            }
        });
}
