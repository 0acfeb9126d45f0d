namespace Basis.Data.Validation;

/// <summary>
/// One occurrence behind a finding: a row (<see cref="At"/> and, for value checks, its <see cref="Value"/>) or a
/// time range <c>[At, Until)</c> for gaps and stale stretches.
/// </summary>
/// <param name="At">The row's timestamp, or the first hour of the range (UTC).</param>
/// <param name="Until">The exclusive end of the range; null for a single row.</param>
/// <param name="Value">The offending value, for value checks.</param>
public sealed record ValidationExample(DateTime At, DateTime? Until = null, double? Value = null);
