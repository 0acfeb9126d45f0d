namespace Basis.Live.Ledger;

/// <summary>Which page to read: at most <paramref name="Limit"/> rows after <paramref name="After"/> (a previous page's cursor; null for the first).</summary>
public sealed record LedgerPageRequest(int Limit, long? After = null)
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 1000;
}
