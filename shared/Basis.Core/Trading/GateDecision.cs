namespace Basis.Core.Trading;

/// <summary>One intent as it went through the <see cref="SafetyGate"/>, for the ledger.</summary>
/// <param name="Intent">The intent the strategy submitted.</param>
/// <param name="NotionalUsd">Its notional at the hour's prices.</param>
/// <param name="Verdict">What the gate did.</param>
/// <param name="Parts">How many parts were handed to the desk (0 when none).</param>
/// <param name="Executed">Whether the desk carried out every part.</param>
/// <param name="Detail">Why, in words.</param>
public sealed record GateDecision(TradeIntent Intent, double NotionalUsd, GateVerdict Verdict, int Parts, bool Executed, string Detail);
