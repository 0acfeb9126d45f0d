namespace Basis.Orchestrations.Live;

/// <summary>A deposit or withdrawal the runtime will not record as given (a zero amount, a withdrawal beyond equity).</summary>
public sealed class LiveFlowRefusedException(string message) : Exception(message);
