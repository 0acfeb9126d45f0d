namespace Basis.Core.Events;

/// <summary>Reward tokens paid for LST units held over a period.</summary>
/// <param name="Time">Payout hour.</param>
/// <param name="Instrument">Balance credited.</param>
/// <param name="Amount">Tokens received.</param>
/// <param name="AverageEethHeld">Time-weighted eETH held over the period (0 before the run started).</param>
/// <param name="TokensPerEeth">Tokens paid per eETH held for the whole period.</param>
/// <param name="PeriodStart">Start of the earning period.</param>
/// <param name="PeriodEnd">End of the earning period.</param>
/// <param name="Estimated">Whether the data marks the amount as an estimate.</param>
public sealed record RewardEvent(DateTime Time, string Instrument, double Amount, double AverageEethHeld, double TokensPerEeth, DateTime PeriodStart, DateTime PeriodEnd, bool Estimated) : SimulationEvent(Time);
