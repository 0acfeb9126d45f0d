namespace Basis.Configuration;

/// <summary>
/// One problem with user-supplied configuration. Errors are collected rather than thrown one at a time, so the
/// user sees every mistake in a single run.
/// </summary>
/// <param name="Source">Where the offending value (or the mapping that lacks a key) was written.</param>
/// <param name="Path">Dotted key path, e.g. <c>hedge_allocation.okx</c> or <c>venues[2].name</c>; empty when the problem is the whole file.</param>
/// <param name="Message">What is wrong and, where there is a closed set, the allowed values.</param>
public sealed record ConfigError(ConfigSource Source, string Path, string Message)
{
    /// <summary><c>configs/modes/eth_basis.yaml:12: hedge_allocation.okx: must be between 0 and 1 (got 1.5)</c>.</summary>
    public override string ToString() =>
        Path.Length == 0 ? $"{Source}: {Message}" : $"{Source}: {Path}: {Message}";
}
