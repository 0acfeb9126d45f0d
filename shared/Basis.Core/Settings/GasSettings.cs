namespace Basis.Core.Settings;

/// <summary>Gas units per on-chain operation.</summary>
public sealed record GasSettings(IReadOnlyDictionary<GasOperation, int> Units)
{
    /// <summary>The gas units of an operation; every operation the engine performs must be configured.</summary>
    public int UnitsOf(GasOperation operation) =>
        Units.TryGetValue(operation, out var units)
            ? units
            : throw new InvalidOperationException($"No gas units configured for {operation} (configs/venues/ethereum.yaml: gas_units).");
}
