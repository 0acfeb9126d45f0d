namespace Basis.Venues.Exchanges;

/// <summary>A withdrawal to an address outside the client's allow-list, refused before any request.</summary>
public sealed class WithdrawalNotAllowedException(ExchangeVenue venue, string address)
    : Exception($"Withdrawal from {venue} to {address} refused: the address is not in the withdrawal allow-list.")
{
    public ExchangeVenue Venue { get; } = venue;
    public string Address { get; } = address;

    /// <summary>Throws unless <paramref name="address"/> is in <paramref name="allowList"/> (exact, case-sensitive match).</summary>
    public static void ThrowIfNotAllowed(ExchangeVenue venue, IReadOnlySet<string> allowList, string address)
    {
        ArgumentNullException.ThrowIfNull(allowList);
        if (!allowList.Contains(address))
            throw new WithdrawalNotAllowedException(venue, address);
    }
}
