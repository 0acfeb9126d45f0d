namespace Basis.Venues.MarketData;

/// <summary>
/// Where <see cref="ChainMarketDataReader"/> reads: the AAVE v3 Pool and the reserves to read (canonical asset symbol →
/// the reserve's underlying token), and the LST contracts whose rates it reads. An absent LST is simply not read.
/// </summary>
/// <param name="Network">The network segment of the series ids (<c>aave/{network}/{ASSET}</c>), e.g. <c>ethereum</c>.</param>
/// <param name="AavePool">The Pool proxy; null reads no reserves.</param>
/// <param name="AaveReserves">Canonical asset symbol (USDT, WETH, weETH, wstETH) → underlying token address.</param>
/// <param name="WstEth">Lido's wstETH (its <c>stEthPerToken</c> is the wstETH-ETH rate).</param>
/// <param name="WeEth">EtherFi's weETH (its <c>getRate</c> is the weETH-ETH rate).</param>
public sealed record ChainMarketDataAddresses(
    string Network,
    string? AavePool,
    IReadOnlyDictionary<string, string> AaveReserves,
    string? WstEth,
    string? WeEth);
