namespace Basis.Venues.Tests.Ethereum.Fixtures;

/// <summary>Addresses of an AAVE v3 market deployed on the test chain, and how it was configured.</summary>
internal sealed record AaveMarket(
    string PoolAddressesProvider,
    string AclManager,
    string Pool,
    string PoolConfigurator,
    string Oracle,
    string DataProvider,
    string Weth,
    string WeEth,
    string Usdt,
    IReadOnlyDictionary<string, AaveTestReserve> Reserves,
    int Transactions,
    TimeSpan Duration)
{
    /// <summary>The interest rate strategy every reserve was listed with.</summary>
    public string RateStrategy { get; init; } = "";

    /// <summary>The eMode category of ETH-correlated assets (WETH, weETH).</summary>
    public const byte EthCorrelatedEMode = 1;

    /// <summary>eMode's liquidation threshold in basis points (AAVE v3 Ethereum's ETH-correlated category).</summary>
    public const int EModeLiquidationThresholdBps = 9500;

    /// <summary>eMode's maximum LTV in basis points.</summary>
    public const int EModeLtvBps = 9300;
}

/// <summary>One listed reserve: its tokens and its risk parameters (basis points), and the price it was listed at.</summary>
internal sealed record AaveTestReserve(string Asset, string AToken, string VariableDebtToken, int Decimals, int LtvBps, int LiquidationThresholdBps, decimal PriceUsd);
