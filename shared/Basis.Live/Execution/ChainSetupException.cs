namespace Basis.Live.Execution;

/// <summary>The host's chain account cannot be opened; the message says why, naming variables and files, never a value.</summary>
public sealed class ChainSetupException(string message) : Exception(message);
