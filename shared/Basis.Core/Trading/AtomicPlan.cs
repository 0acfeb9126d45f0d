using Basis.Core.Settings;

namespace Basis.Core.Trading;

/// <summary>
/// Steps carried out as one all-or-nothing on-chain transaction (through the leverage executor live): a flash loan
/// that must be repaid within the plan, and the AAVE, staking and DEX steps in between. The plan pays the gas of
/// <paramref name="Gas"/> once. It is refused when a step cannot be done, or when it would leave the AAVE health
/// factor below <paramref name="HealthFactorFloor"/> without raising it (plans that reduce risk always go through).
/// </summary>
/// <param name="Name">What the plan does (entry, relever, deleverage, unwind), for the events and the ledger.</param>
/// <param name="Reason">Why.</param>
/// <param name="HealthFactorFloor">The health factor below which the plan may only raise it.</param>
/// <param name="Gas">The operations whose gas the plan pays.</param>
/// <param name="Steps">The steps in order; a plan does not contain plans.</param>
public sealed record AtomicPlan(string Name, string Reason, double HealthFactorFloor, IReadOnlyList<GasOperation> Gas, IReadOnlyList<TradeIntent> Steps)
    : TradeIntent(Reason)
{
    /// <inheritdoc />
    /// <remarks>Every step scales, so a scaled loop plan reaches the same LTV with a fraction of the amounts.</remarks>
    public override TradeIntent ScaledBy(double factor) => this with { Steps = [.. Steps.Select(s => s.ScaledBy(factor))] };
}
