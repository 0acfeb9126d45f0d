namespace Basis.Venues.Exchanges.Binance;

// Shapes of Binance's responses, numbers arriving as strings (read with JsonNumberHandling.AllowReadingFromString).
// Only the fields we use are declared.

internal sealed record BinanceServerTime(long ServerTime);

/// <summary>GET /fapi/v2/balance (https://developers.binance.com/docs/derivatives/usds-margined-futures/account/rest-api/Futures-Account-Balance-V2).</summary>
internal sealed record BinanceFuturesBalance(string Asset, decimal Balance, decimal AvailableBalance);

/// <summary>GET /api/v3/account (https://developers.binance.com/docs/binance-spot-api-docs/rest-api/account-endpoints).</summary>
internal sealed record BinanceSpotAccount(IReadOnlyList<BinanceSpotBalance> Balances);

internal sealed record BinanceSpotBalance(string Asset, decimal Free, decimal Locked);

/// <summary>GET /fapi/v2/positionRisk (https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Position-Information-V2).</summary>
internal sealed record BinancePositionRisk(
    string Symbol, decimal PositionAmt, decimal EntryPrice, decimal MarkPrice, decimal UnRealizedProfit,
    decimal LiquidationPrice, decimal Leverage, string MarginType);

/// <summary>GET /fapi/v1/premiumIndex (https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Mark-Price).</summary>
internal sealed record BinancePremiumIndex(
    string Symbol, decimal MarkPrice, decimal IndexPrice, decimal LastFundingRate, long NextFundingTime, long Time);

/// <summary>GET /fapi/v1/fundingRate (https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Get-Funding-Rate-History).</summary>
internal sealed record BinanceFundingRate(string Symbol, decimal FundingRate, long FundingTime);

/// <summary>
/// Order as POST/GET/DELETE /fapi/v1/order and /api/v3/order return it
/// (https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/New-Order,
/// https://developers.binance.com/docs/binance-spot-api-docs/rest-api/trading-endpoints). Futures report avgPrice;
/// spot reports cummulativeQuoteQty (sic) instead. A spot cancel answers the cancel request's own id as clientOrderId
/// and the order's as origClientOrderId.
/// </summary>
internal sealed record BinanceOrder(
    long OrderId, string Symbol, string Status, string ClientOrderId, decimal Price, decimal OrigQty, decimal ExecutedQty,
    string Type, string Side, decimal? AvgPrice, decimal? CummulativeQuoteQty, string? OrigClientOrderId);

internal sealed record BinanceTransfer(long TranId);

internal sealed record BinanceDepositAddress(string Address, string Coin, string? Tag);

internal sealed record BinanceWithdrawal(string Id);

/// <summary>GET /sapi/v1/capital/deposit/hisrec: status 0 pending, 6 credited but locked, 1 success, 2 rejected, 7 wrong deposit, 8 waiting user confirmation.</summary>
internal sealed record BinanceDeposit(string Coin, decimal Amount, string TxId, int Status, long InsertTime);

/// <summary>GET /sapi/v1/capital/withdraw/history: status 0 email sent, 1 cancelled, 2 awaiting approval, 3 rejected, 4 processing, 5 failure, 6 completed.</summary>
internal sealed record BinanceWithdrawalRecord(string Id, string Coin, decimal Amount, decimal TransactionFee, string Address, string? TxId, int Status);
