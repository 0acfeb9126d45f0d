namespace Basis.Data.Import;

/// <summary>How many report entries have each action.</summary>
public sealed record ImportActionCounts(int Imported, int RepairedAndImported, int Refused, int Skipped, int Unrecognised, int Missing)
{
    /// <summary>Counts the actions of <paramref name="entries"/>.</summary>
    public static ImportActionCounts Of(IEnumerable<ImportEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        int Count(ImportAction action) => list.Count(e => e.Action == action);
        return new ImportActionCounts(
            Count(ImportAction.Imported),
            Count(ImportAction.RepairedAndImported),
            Count(ImportAction.Refused),
            Count(ImportAction.Skipped),
            Count(ImportAction.Unrecognised),
            Count(ImportAction.Missing));
    }
}
