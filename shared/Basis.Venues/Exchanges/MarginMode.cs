namespace Basis.Venues.Exchanges;

public enum MarginMode
{
    Cross,
    Isolated,
}
