namespace Basis.Orchestrations.Live;

/// <summary>
/// What an instance's book must keep at the end of every hour, after its strategy acted: an AAVE health factor and a
/// margin ratio (margin over notional) per perp. An hour that ends below either is recorded as a <c>risk_floor</c>
/// activity, which trips the circuit breaker.
/// </summary>
/// <param name="HealthFactor">The lowest health factor allowed (a book without debt has an infinite one).</param>
/// <param name="MarginRatio">The lowest margin ratio allowed for each open perp.</param>
public sealed record RiskFloors(double HealthFactor, double MarginRatio)
{
    /// <summary>No floor: nothing is recorded.</summary>
    public static RiskFloors None { get; } = new(0, 0);
}
