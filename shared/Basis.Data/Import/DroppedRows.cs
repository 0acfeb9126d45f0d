namespace Basis.Data.Import;

/// <summary>Rows of a source file that were dropped for one reason, with a few examples naming the lines.</summary>
/// <param name="Reason">Why they were dropped.</param>
/// <param name="Count">How many rows.</param>
/// <param name="Examples">The first few, each naming its line and values.</param>
public sealed record DroppedRows(string Reason, int Count, IReadOnlyList<string> Examples);
