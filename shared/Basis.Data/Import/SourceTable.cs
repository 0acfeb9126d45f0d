using System.Text;
using CsvHelper;

namespace Basis.Data.Import;

/// <summary>
/// A source CSV as text: header and records, comment lines (<c>#</c>) and empty lines skipped. Kept as text so
/// that each rule can say exactly which line and value it rejected.
/// </summary>
internal sealed class SourceTable
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        CommentPrefix = '#',
        SkipEmptyLines = true,
        TrackLineNumbers = true,
    };

    public SourceTable(string relativePath, IReadOnlyList<string> columns, IReadOnlyList<SourceRow> rows)
    {
        RelativePath = relativePath;
        Columns = columns;
        Rows = rows;
    }

    /// <summary>The file, relative to the source root.</summary>
    public string RelativePath { get; }

    /// <summary>Header names; empty when the file has no header.</summary>
    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<SourceRow> Rows { get; }

    /// <summary>Reads a CSV file.</summary>
    public static SourceTable Read(string fullPath, string relativePath)
    {
        var bytes = File.ReadAllBytes(fullPath);
        return Parse(bytes, relativePath);
    }

    /// <summary>Parses CSV text (tests and in-memory sources).</summary>
    public static SourceTable Parse(string text, string relativePath) => Parse(Encoding.UTF8.GetBytes(text), relativePath);

    /// <summary>The position of a column, or -1.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == column)
            {
                return i;
            }
        }

        return -1;
    }

    private static SourceTable Parse(byte[] bytes, string relativePath)
    {
        using var reader = CsvReader.Create(bytes, Options);
        var columns = reader.Headers.Select(h => h.Trim()).ToArray();
        var rows = new List<SourceRow>();
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i);
            }

            rows.Add(new SourceRow(checked((int)reader.LineNumber), fields));
        }

        return new SourceTable(relativePath, columns, rows);
    }
}
