using System.Numerics;

namespace Basis.Venues.Ethereum;

/// <summary>A transaction signed and not necessarily sent: its hash, its raw bytes (0x hex) and the nonce it uses.</summary>
public sealed record SignedTransaction(string Hash, string Raw, BigInteger Nonce);
