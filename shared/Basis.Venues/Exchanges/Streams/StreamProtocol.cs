namespace Basis.Venues.Exchanges.Streams;

/// <summary>A venue's rules for one connection: what to send on open and to keep it alive, and which messages are its own.</summary>
public sealed record StreamProtocol
{
    /// <summary>
    /// A login sent first on every (re)connect, built afresh each time as it is signed over the current time (Bybit's
    /// <c>auth</c>, OKX's <c>login</c>); null for public streams. The subscribe messages follow once
    /// <see cref="LoginAccepted"/> has seen the venue accept it.
    /// </summary>
    public Func<string>? Login { get; init; }

    /// <summary>
    /// Reads a message that arrives while the login awaits its answer: true when it accepts the login, false for any
    /// other message. A refusal throws an <see cref="ExchangeException"/> of kind
    /// <see cref="ExchangeErrorKind.Authentication"/>, which ends the enumeration: the same credentials would be
    /// refused again on every reconnect.
    /// </summary>
    public Func<string, bool> LoginAccepted { get; init; } = static _ => true;

    /// <summary>Text messages sent after every (re)connect, in order (e.g. Bybit's and OKX's subscribe ops).</summary>
    public IReadOnlyList<string> SubscribeMessages { get; init; } = [];

    /// <summary>An application-level ping sent every <see cref="KeepAliveInterval"/> (Bybit <c>{"op":"ping"}</c>, OKX <c>ping</c>); null for none.</summary>
    public string? KeepAliveMessage { get; init; }

    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Protocol chatter (pongs, subscribe acknowledgements): counts as activity, not handed to the consumer.</summary>
    public Func<string, bool> IsControlMessage { get; init; } = static _ => false;

    /// <summary>A message after which the venue wants a new connection (Binance <c>listenKeyExpired</c>): the connection is replaced.</summary>
    public Func<string, bool> EndsConnection { get; init; } = static _ => false;
}
