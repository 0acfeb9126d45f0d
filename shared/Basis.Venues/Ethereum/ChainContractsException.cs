namespace Basis.Venues.Ethereum;

/// <summary>A contracts file that cannot be used as it is; the message names the file and, where it applies, the key.</summary>
public sealed class ChainContractsException(string message) : Exception(message);
