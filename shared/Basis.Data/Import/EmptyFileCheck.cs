namespace Basis.Data.Import;

/// <summary>A file that is refused when it has no data rows, and otherwise skipped for the given reason.</summary>
internal static class EmptyFileCheck
{
    public static void Run(SourceFile file, ImportEntryBuilder entry, string reasonWhenNotEmpty)
    {
        var table = SourceTable.Read(file.FullPath, file.RelativePath);
        entry.RowsRead = table.Rows.Count;
        if (table.Rows.Count == 0)
        {
            entry.Refuse("no records: the file holds only comment lines and a header");
            return;
        }

        entry.Skip(reasonWhenNotEmpty);
    }
}
