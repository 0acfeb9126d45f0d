namespace Basis.Live.Reconciliation;

/// <summary>
/// A location that cannot be read, and why (no client in this host, its credentials missing): reported unreadable
/// in every report, never left out of one.
/// </summary>
public sealed class UnreadableLocation(string location, string reason) : ILocationReader
{
    /// <inheritdoc />
    public IReadOnlyList<string> Locations { get; } = [location];

    /// <inheritdoc />
    public Task<IReadOnlyList<LocationReading>> ReadAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LocationReading>>([LocationReading.Unreadable(location, new ReadFailure(null, reason))]);
}
