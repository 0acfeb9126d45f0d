namespace Basis.Core.Costs;

/// <summary>
/// Slippage (spread and market impact, excluding venue fees) by pair and trade size, from
/// configs/execution_costs.yaml. A trade pays the bps of the first bucket whose upper bound holds its USD notional.
/// </summary>
public sealed class SlippageTable
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<SlippageBucket>> _pairs;

    /// <summary>Creates a table; each pair's buckets must be in increasing size order and end with an unbounded one.</summary>
    public SlippageTable(IReadOnlyDictionary<string, IReadOnlyList<SlippageBucket>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        foreach (var (pair, buckets) in pairs)
        {
            if (buckets.Count == 0 || !double.IsPositiveInfinity(buckets[^1].UpToNotionalUsd))
            {
                throw new ArgumentException($"Slippage pair {pair}: the last bucket must be unbounded.", nameof(pairs));
            }

            for (var i = 1; i < buckets.Count; i++)
            {
                if (buckets[i].UpToNotionalUsd <= buckets[i - 1].UpToNotionalUsd)
                {
                    throw new ArgumentException($"Slippage pair {pair}: buckets must grow in size.", nameof(pairs));
                }
            }
        }

        _pairs = pairs;
    }

    /// <summary>The pairs the table knows.</summary>
    public IEnumerable<string> Pairs => _pairs.Keys;

    /// <summary>Slippage in bps for a trade of <paramref name="notionalUsd"/> on <paramref name="pair"/>.</summary>
    public double Bps(string pair, double notionalUsd)
    {
        if (!_pairs.TryGetValue(pair, out var buckets))
        {
            throw new InvalidOperationException($"No slippage configured for pair {pair} (configs/execution_costs.yaml; known: {string.Join(", ", _pairs.Keys)}).");
        }

        var size = Math.Abs(notionalUsd);
        foreach (var bucket in buckets)
        {
            if (size <= bucket.UpToNotionalUsd)
            {
                return bucket.Bps;
            }
        }

        return buckets[^1].Bps;
    }
}
