namespace Basis.Orchestrations.Replay;

/// <summary>The orchestrator took a different path on replay than the one its history records.</summary>
public sealed class NonDeterministicOrchestrationException : Exception
{
    public NonDeterministicOrchestrationException() { }

    public NonDeterministicOrchestrationException(string message) : base(message) { }

    public NonDeterministicOrchestrationException(string message, Exception innerException) : base(message, innerException) { }
}
