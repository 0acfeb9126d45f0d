namespace Basis.Data.Stores;

/// <summary>Which runs to list: at most <see cref="Limit"/>, newest first, of one kind and in some statuses when given.</summary>
/// <param name="Limit">The most runs to return (at least 1); filters apply first.</param>
public sealed record RunQuery(int Limit)
{
    /// <summary>Only runs of this kind (<c>backtest</c>, <c>sweep</c>); all kinds when null.</summary>
    public string? Kind { get; init; }

    /// <summary>Only runs in these statuses; all when null.</summary>
    public IReadOnlyCollection<RunStatus>? Statuses { get; init; }

    /// <summary>True when <paramref name="run"/> passes the filters.</summary>
    public bool Matches(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return (Kind is null || run.Kind == Kind) && (Statuses is null || Statuses.Contains(run.Status));
    }
}
