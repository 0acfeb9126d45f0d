namespace Basis.Data.Import;

/// <summary>The import cannot run: a folder is missing, the target overlaps the source, or a mapping is ambiguous.</summary>
public sealed class ReferenceDataImportException : Exception
{
    public ReferenceDataImportException()
    {
    }

    public ReferenceDataImportException(string message)
        : base(message)
    {
    }

    public ReferenceDataImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
