namespace Basis.Data.Results;

/// <summary>One rendered result file: its name in the run's folder (or store) and its bytes.</summary>
/// <param name="Name">The file name, one of <see cref="ResultFiles"/>.</param>
/// <param name="Content">The file's bytes (UTF-8 text without a byte-order mark).</param>
public sealed record ResultArtefact(string Name, byte[] Content);
