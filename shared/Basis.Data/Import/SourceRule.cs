using Basis.Core.Market;

namespace Basis.Data.Import;

/// <summary>
/// One line of the mapping from the original layout: the files a glob matches and what to do with each. A rule
/// that feeds a series expects exactly one file: none is reported as missing, several is an error (the original
/// picked the newest by mtime, which made its runs non-deterministic).
/// </summary>
internal sealed class SourceRule
{
    public SourceRule(string pattern, bool exactlyOne, IReadOnlyList<SeriesId> targets, Action<ImportContext, SourceFile, ImportEntryBuilder> handle)
    {
        Pattern = new SourcePattern(pattern);
        ExactlyOne = exactlyOne;
        Targets = targets;
        Handle = handle;
    }

    public SourcePattern Pattern { get; }

    public bool ExactlyOne { get; }

    /// <summary>The series the rule's file feeds.</summary>
    public IReadOnlyList<SeriesId> Targets { get; }

    /// <summary>Processes one matched file, filling its report entry.</summary>
    public Action<ImportContext, SourceFile, ImportEntryBuilder> Handle { get; }

    public override string ToString() => Pattern.Glob;
}
