using System.Globalization;

namespace Basis.ExchangeSimulator.Faults;

/// <summary>Applies <see cref="FaultSettings"/> to venue requests (every path outside <c>/_sim/</c>), in a fixed order: latency, drop, 418, 429, 5xx.</summary>
public sealed class FaultInjector
{
    private readonly Lock _sync = new();
    private FaultSettings _settings = new();

    public FaultSettings Current
    {
        get
        {
            lock (_sync)
            {
                return _settings;
            }
        }
    }

    public void Set(FaultSettings settings)
    {
        lock (_sync)
        {
            _settings = settings;
        }
    }

    /// <summary>Returns true when a fault answered (or dropped) the request.</summary>
    public async Task<bool> TryInjectAsync(HttpContext context)
    {
        FaultSettings fired;
        string? fault;
        lock (_sync)
        {
            fired = _settings;
            (fault, _settings) = fired switch
            {
                { DropNext: > 0 } => ("drop", fired with { DropNext = fired.DropNext - 1 }),
                { BanNext: > 0 } => ("ban", fired with { BanNext = fired.BanNext - 1 }),
                { RateLimitNext: > 0 } => ("rate", fired with { RateLimitNext = fired.RateLimitNext - 1 }),
                { ServerErrorNext: > 0 } => ("server", fired with { ServerErrorNext = fired.ServerErrorNext - 1 }),
                _ => (null, fired),
            };
        }

        if (fired.LatencyMs > 0)
        {
            await Task.Delay(fired.LatencyMs, context.RequestAborted).ConfigureAwait(false);
        }

        switch (fault)
        {
            case "drop":
                context.Abort();
                return true;
            case "ban":
                // Binance: "HTTP 418 return code is used when an IP has been auto-banned for continuing to send requests after receiving 429 codes."
                var until = DateTimeOffset.UtcNow.AddMinutes(2).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                await WriteAsync(context, 418, $$"""{"code":-1003,"msg":"Way too many requests; IP(127.0.0.1) banned until {{until}}. Please use the websocket for live updates to avoid bans."}""").ConfigureAwait(false);
                return true;
            case "rate":
                context.Response.Headers.RetryAfter = fired.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await WriteAsync(context, 429, """{"code":-1003,"msg":"Too many requests; current limit of IP(127.0.0.1) is 2400 requests per minute. Please use the websocket for live updates to avoid polling the API."}""").ConfigureAwait(false);
                return true;
            case "server":
                await WriteAsync(context, fired.ServerErrorStatus, """{"code":-1001,"msg":"Internal error; unable to process your request. Please try again."}""").ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The fraction a market order fills now (1 without a partial-fill fault).</summary>
    public decimal MarketFillFraction => Current.PartialFillFraction;

    private static Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body, context.RequestAborted);
    }
}
