namespace Basis.Data.Import;

/// <summary>One data record of a source CSV: its 1-based line in the file and its fields as text.</summary>
internal readonly record struct SourceRow(int Line, string[] Fields);
