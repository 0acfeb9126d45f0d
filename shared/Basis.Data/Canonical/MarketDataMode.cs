namespace Basis.Data.Canonical;

/// <summary>Where market data is read from (<c>BASIS_DATA_MODE</c>).</summary>
public enum MarketDataMode
{
    /// <summary>The canonical layout in a local folder.</summary>
    Csv,

    /// <summary>The canonical layout as blobs in a container.</summary>
    Blob,

    /// <summary>The canonical layout in PostgreSQL (<c>market_months</c>).</summary>
    Db,
}
