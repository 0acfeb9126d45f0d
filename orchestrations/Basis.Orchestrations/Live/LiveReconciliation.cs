using Basis.Live.Reconciliation;

namespace Basis.Orchestrations.Live;

/// <summary>How a host reconciles its real instances: the comparison with its tolerances, and the venues' readers.</summary>
public sealed record LiveReconciliation(Reconciler Reconciler, IVenueReaders Venues);
