namespace Basis.Live.Reconciliation;

/// <summary>
/// Tokens on their way between two of an instance's locations: sent from one, not yet usable at the other (a deposit to
/// an exchange from its transaction until the venue has credited it and it is in the trading account). The ledger keeps
/// them at a location of their own per destination, <c>in_transit/{location}</c>, which no venue can be read at.
/// </summary>
public static class Transit
{
    private const string Prefix = "in_transit/";

    /// <summary>The ledger's location of what is on its way to <paramref name="location"/>.</summary>
    public static string To(string location) => Prefix + location;

    /// <summary>True for a location of tokens in transit.</summary>
    public static bool Is(string location) => location.StartsWith(Prefix, StringComparison.Ordinal);
}
