namespace Basis.Core.Market;

/// <summary>One series a run needs, with the sources allowed to stand in for it, in order, when it is stale.</summary>
public sealed record SeriesRequest(SeriesId Id, SeriesUse Use, IReadOnlyList<SeriesId> Fallbacks)
{
    /// <summary>A request without fallbacks.</summary>
    public SeriesRequest(SeriesId id, SeriesUse use)
        : this(id, use, [])
    {
    }

    /// <summary>Every series this request may read: the primary, then its fallbacks.</summary>
    public IEnumerable<SeriesId> Sources => Fallbacks.Prepend(Id);
}
