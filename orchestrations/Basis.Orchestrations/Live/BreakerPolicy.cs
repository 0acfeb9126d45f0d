using Basis.Live.Safety;

namespace Basis.Orchestrations.Live;

/// <summary>
/// The circuit breaker as a cycle applies it. Every hour, the book must end, after its strategy acted, with an AAVE
/// health factor and a margin ratio (margin over notional) per perp at or above their floors: an hour below either is
/// recorded as <c>risk_floor</c> activity. When the breaker is enabled, a cycle stops after the first hour that trips
/// it (that, a liquidation, bad debt or an intent the safety gate refused), so a catch-up over many hours never trades
/// on past a halt.
/// </summary>
/// <param name="Enabled">Whether a trip stops the cycle (the runtime then halts the instance).</param>
/// <param name="HealthFactorFloor">The lowest health factor allowed (a book without debt has an infinite one).</param>
/// <param name="MarginRatioFloor">The lowest margin ratio allowed for each open perp.</param>
public sealed record BreakerPolicy(bool Enabled, double HealthFactorFloor, double MarginRatioFloor)
{
    /// <summary>No breaker and no floor: nothing stops a cycle and nothing is recorded.</summary>
    public static BreakerPolicy Off { get; } = new(false, 0, 0);

    /// <summary>The host's breaker: <c>BASIS_LIVE_TRADING__CIRCUIT_BREAKER_ENABLED</c> and the two floors.</summary>
    public static BreakerPolicy Of(LiveTradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.CircuitBreakerEnabled, settings.HealthFactorFloor, settings.MarginRatioFloor);
    }
}
