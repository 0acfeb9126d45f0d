namespace Basis.Live.Reconciliation;

/// <summary>Reads what one source (an exchange, the chain) holds, at the ledger's locations.</summary>
public interface ILocationReader
{
    /// <summary>The ledger locations this reader answers for (<c>binance</c>; <c>wallet</c>, <c>aave_v3</c>, …).</summary>
    IReadOnlyList<string> Locations { get; }

    /// <summary>One reading per location; throws when the source cannot be read (the reconciler reports it unreadable).</summary>
    Task<IReadOnlyList<LocationReading>> ReadAsync(CancellationToken cancellationToken);
}
