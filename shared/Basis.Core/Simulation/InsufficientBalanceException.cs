namespace Basis.Core.Simulation;

/// <summary>A step asked for more than a position holds (inside an atomic group this rejects the group).</summary>
public sealed class InsufficientBalanceException(string message) : InvalidOperationException(message);
