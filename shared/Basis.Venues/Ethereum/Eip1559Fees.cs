using System.Numerics;

namespace Basis.Venues.Ethereum;

/// <summary>The fee caps of a type-2 transaction, in wei per gas.</summary>
/// <param name="MaxFeePerGasWei">The most paid per gas, base fee included.</param>
/// <param name="MaxPriorityFeePerGasWei">The tip to the block builder per gas.</param>
public readonly record struct Eip1559Fees(BigInteger MaxFeePerGasWei, BigInteger MaxPriorityFeePerGasWei);
