using System.Globalization;

namespace Basis.ExchangeSimulator.Faults;

/// <summary>
/// Applies <see cref="FaultSettings"/> to venue requests (every path outside <c>/_sim/</c>), in a fixed order: latency, drop,
/// ban, rate limit, 5xx; each answered in the format of the venue the path belongs to.
/// </summary>
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

        if (fault is null)
        {
            return false;
        }

        if (fault == "drop")
        {
            context.Abort();
            return true;
        }

        var path = context.Request.Path.Value ?? string.Empty;
        var (status, body) = path.StartsWith("/api/v5/", StringComparison.Ordinal) ? OkxFault(fault, fired)
            : path.StartsWith("/v5/", StringComparison.Ordinal) ? BybitFault(fault, fired, context)
            : BinanceFault(fault, fired);
        if (status == 429)
        {
            context.Response.Headers.RetryAfter = fired.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = body.StartsWith('{') ? "application/json" : "text/plain";
        await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        return true;
    }

    // Binance: 429 when over the limit, 418 for an IP auto-banned after ignoring 429s (general info, limits).
    private static (int, string) BinanceFault(string fault, FaultSettings fired) => fault switch
    {
        "ban" => (418, $$"""{"code":-1003,"msg":"Way too many requests; IP(127.0.0.1) banned until {{DateTimeOffset.UtcNow.AddMinutes(2).ToUnixTimeMilliseconds()}}. Please use the websocket for live updates to avoid bans."}"""),
        "rate" => (429, """{"code":-1003,"msg":"Too many requests; current limit of IP(127.0.0.1) is 2400 requests per minute. Please use the websocket for live updates to avoid polling the API."}"""),
        _ => (fired.ServerErrorStatus, """{"code":-1001,"msg":"Internal error; unable to process your request. Please try again."}"""),
    };

    // Bybit: a per-key limit is retCode 10006 with HTTP 200; an IP over its limit gets 403 (rate limit rules).
    private static (int, string) BybitFault(string fault, FaultSettings fired, HttpContext context)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        switch (fault)
        {
            case "ban":
                return (403, "access too frequent");
            case "rate":
                context.Response.Headers["X-Bapi-Limit-Status"] = "0";
                context.Response.Headers["X-Bapi-Limit-Reset-Timestamp"] = (now + (fired.RetryAfterSeconds * 1000L)).ToString(CultureInfo.InvariantCulture);
                return (200, $$"""{"retCode":10006,"retMsg":"Too many visits!","result":{},"retExtInfo":{},"time":{{now}}}""");
            default:
                return (fired.ServerErrorStatus, $$"""{"retCode":10016,"retMsg":"Internal server error.","result":{},"retExtInfo":{},"time":{{now}}}""");
        }
    }

    // OKX: 429 with code 50011 for a rate limit (it has no 418); 50001 when the service is unavailable.
    private static (int, string) OkxFault(string fault, FaultSettings fired) => fault switch
    {
        "ban" or "rate" => (429, """{"code":"50011","msg":"Too Many Requests","data":[]}"""),
        _ => (fired.ServerErrorStatus, """{"code":"50001","msg":"Service temporarily unavailable. Please try again later","data":[]}"""),
    };

    /// <summary>The fraction a market order fills now (1 without a partial-fill fault).</summary>
    public decimal MarketFillFraction => Current.PartialFillFraction;
}
