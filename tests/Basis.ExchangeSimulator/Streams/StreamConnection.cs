using System.Collections.Concurrent;

namespace Basis.ExchangeSimulator.Streams;

/// <summary>One open WebSocket: what it is subscribed to and the replies waiting to be sent (one writer sends both).</summary>
internal sealed class StreamConnection(int id)
{
    public int Id { get; } = id;

    public string ConnId => "sim-" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The account a private stream logged in as (Bybit <c>auth</c>, OKX <c>login</c>); null until then.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Subscription keys (Binance and Bybit: the symbol; OKX: <c>channel:SYMBOL</c>; private streams: <c>user:KEY</c>,
    /// <c>TOPIC|KEY</c>) → whether the first push was sent (for private streams: whether the baseline was taken).
    /// </summary>
    public ConcurrentDictionary<string, bool> Subscriptions { get; } = new(StringComparer.Ordinal);

    /// <summary>Replies to the client's ops (acknowledgements, pongs), sent before the next pushes.</summary>
    public ConcurrentQueue<string> Replies { get; } = new();

    /// <summary>Per subscription, what was last pushed (for delta-only fields).</summary>
    public Dictionary<string, string> LastSent { get; } = new(StringComparer.Ordinal);
}
