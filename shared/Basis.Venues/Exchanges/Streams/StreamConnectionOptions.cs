namespace Basis.Venues.Exchanges.Streams;

/// <summary>How a <see cref="ReconnectingWebSocket"/> keeps its connection: back-off, silence detection, keep-alive.</summary>
public sealed record StreamConnectionOptions
{
    /// <summary>The wait before the first reconnect after a drop; doubles per failed attempt up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan InitialReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Up to this share of each wait is taken off at random (0 = none).</summary>
    public double JitterFraction { get; init; } = 0.2;

    /// <summary>A connection with no message for this long is treated as dead and replaced.</summary>
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Opening handshake limit.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Clock for the silence timer, the keep-alive and (by default) the back-off waits.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Replaces the back-off wait (tests); by default a delay on <see cref="TimeProvider"/>.</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }

    /// <summary>Source of jitter in [0, 1); <see cref="Random.Shared"/> by default.</summary>
    public Func<double>? Random { get; init; }

    /// <summary>Called with the connection's number (1, 2, …) each time a connection opens (metrics, logs, tests).</summary>
    public Action<int>? Connected { get; init; }

    /// <summary>Called with the reason each time a connection ends and a reconnect follows.</summary>
    public Action<string>? Disconnected { get; init; }
}
