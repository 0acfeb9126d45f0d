using System.Numerics;

namespace Basis.Venues.MarketData;

/// <summary>What one block says about the configured reserves and LSTs, as canonical rows.</summary>
/// <param name="Block">The block every value was read at.</param>
/// <param name="BlockTime">The block's timestamp.</param>
/// <param name="Hour">The block's timestamp floored to the hour: the rows' timestamp.</param>
/// <param name="Rows">One row per series read.</param>
/// <param name="Skipped">Configured series that were not read, each with the reason.</param>
public sealed record ChainSnapshot(BigInteger Block, DateTimeOffset BlockTime, DateTimeOffset Hour, IReadOnlyList<ChainSeriesRow> Rows, IReadOnlyList<string> Skipped);
