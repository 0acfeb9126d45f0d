namespace Basis.Core.Market;

/// <summary>One series a run needs, with the sources allowed to stand in for it, in order, when it is stale.</summary>
/// <param name="Id">The series.</param>
/// <param name="Use">How the run reads it.</param>
/// <param name="Fallbacks">Series that may stand in, in order.</param>
/// <param name="OnlyWhileHeld">
/// For levels: hours without a value hold NaN instead of failing the run, because the value is only needed while
/// a position is held (a reward token's price before its first payout). The engine fails, naming the series, if a
/// held position ever meets such an hour.
/// </param>
public sealed record SeriesRequest(SeriesId Id, SeriesUse Use, IReadOnlyList<SeriesId> Fallbacks, bool OnlyWhileHeld = false)
{
    /// <summary>A request without fallbacks.</summary>
    public SeriesRequest(SeriesId id, SeriesUse use)
        : this(id, use, [])
    {
    }

    /// <summary>Every series this request may read: the primary, then its fallbacks.</summary>
    public IEnumerable<SeriesId> Sources => Fallbacks.Prepend(Id);
}
