namespace Basis.Venues.Exchanges;

/// <summary>The deployment environment from BASIS_ENVIRONMENT: it picks testnets or mainnets and the credential prefix.</summary>
public enum BasisEnvironment
{
    Dev,
    Staging,
    Production,
}
