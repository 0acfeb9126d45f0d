namespace Basis.Venues.Exchanges;

public enum TransferDirection
{
    SpotToFutures,
    FuturesToSpot,
}
