namespace Basis.Data.Stores;

/// <summary>One versioned schema change (an embedded <c>Stores/Migrations/NNNN_name.sql</c>).</summary>
/// <param name="Version">The number in front of the file name; applied in increasing order.</param>
/// <param name="Name">The rest of the file name.</param>
/// <param name="Sql">The statements.</param>
public sealed record SchemaMigration(int Version, string Name, string Sql);
