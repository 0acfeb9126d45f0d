namespace Basis.Core.Simulation;

/// <summary>A withdrawal could not be raised, even by unwinding.</summary>
public sealed class WithdrawalFailedException(string message) : Exception(message);
