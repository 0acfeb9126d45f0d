namespace Basis.Core.Market;

/// <summary>The data does not cover the requested period: names every series and the hours it misses.</summary>
public sealed class MarketDataCoverageException : Exception
{
    /// <summary>Creates the exception from the uncovered stretches.</summary>
    public MarketDataCoverageException(IReadOnlyList<CoverageGap> gaps)
        : base(Describe(gaps))
    {
        Gaps = gaps;
    }

    /// <summary>The uncovered stretches, per series in request order.</summary>
    public IReadOnlyList<CoverageGap> Gaps { get; }

    private static string Describe(IReadOnlyList<CoverageGap> gaps)
    {
        const int Shown = 5;
        var lines = gaps.Take(Shown).Select(g => g.ToString()).ToList();
        if (gaps.Count > Shown)
        {
            lines.Add($"... and {gaps.Count - Shown} more gap(s)");
        }

        return "The data does not cover the period: " + string.Join("; ", lines);
    }
}
