namespace Basis.Data.Import;

/// <summary>A parsed source row: Unix-second timestamp, values in canonical column order, and its line in the file.</summary>
internal readonly record struct TimedRow(long Time, double[] Values, int Line);
