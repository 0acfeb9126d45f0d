namespace Basis.Orchestrations.Execution;

/// <summary>What a turn left to do outside the state: activities to send, and whether a new execution must run at once (ContinueAsNew).</summary>
public sealed record TurnOutcome(IReadOnlyList<ActivityWorkItem> ActivitiesToDispatch, bool RunAgain);
