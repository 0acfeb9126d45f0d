using Basis.Live.Ledger;

namespace Basis.Live.Reconciliation;

/// <summary>What reads a real instance's venues for reconciliation: a reader per venue name the instance uses.</summary>
public interface IVenueReaders
{
    /// <summary>A reader for each of <paramref name="instance"/>'s venues this host can read (the reconciler reports the others unreadable).</summary>
    IReadOnlyDictionary<string, ILocationReader> ReadersOf(LiveInstance instance);
}
