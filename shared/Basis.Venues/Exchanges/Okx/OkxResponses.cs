namespace Basis.Venues.Exchanges.Okx;

// Shapes of OKX v5's `data` items; numbers arrive as strings, "" where there is no value (read with
// StringDecimalConverter as 0). Only the fields we use are declared.

/// <summary>GET /api/v5/account/balance (https://www.okx.com/docs-v5/en/#trading-account-rest-api-get-balance).</summary>
internal sealed record OkxAccountBalance(IReadOnlyList<OkxCurrencyBalance> Details);

internal sealed record OkxCurrencyBalance(string Ccy, decimal CashBal, decimal AvailBal);

/// <summary>GET /api/v5/account/positions (https://www.okx.com/docs-v5/en/#trading-account-rest-api-get-positions). pos is in contracts.</summary>
internal sealed record OkxPosition(
    string InstId, string PosSide, decimal Pos, decimal AvgPx, decimal MarkPx, decimal Upl, decimal Lever, string MgnMode, decimal LiqPx);

/// <summary>GET /api/v5/public/instruments: ctVal is the base quantity of one contract.</summary>
internal sealed record OkxInstrument(string InstId, decimal CtVal, decimal LotSz);

internal sealed record OkxMarkPrice(string InstId, decimal MarkPx, long Ts);

internal sealed record OkxIndexTicker(string InstId, decimal IdxPx);

/// <summary>GET /api/v5/public/funding-rate: fundingTime is the settlement the current rate applies to.</summary>
internal sealed record OkxFundingRate(string InstId, decimal FundingRate, long FundingTime);

internal sealed record OkxFundingRecord(string InstId, decimal FundingRate, long FundingTime);

/// <summary>
/// GET /api/v5/trade/order (https://www.okx.com/docs-v5/en/#order-book-trading-trade-get-order-details). sz, accFillSz
/// in contracts for SWAP, in base currency for SPOT.
/// </summary>
internal sealed record OkxOrder(
    string InstType, string OrdId, string ClOrdId, string InstId, string Side, string OrdType, string State, decimal Sz, decimal AccFillSz, decimal Px, decimal AvgPx);

internal sealed record OkxServerTime(long Ts);

/// <summary>POST /api/v5/asset/transfer (https://www.okx.com/docs-v5/en/#funding-account-rest-api-funds-transfer).</summary>
internal sealed record OkxTransfer(string TransId);

/// <summary>
/// GET /api/v5/asset/deposit-address (https://www.okx.com/docs-v5/en/#funding-account-rest-api-get-deposit-address):
/// chain is "{ccy}-{network}"; tag, memo or pmtId only for currencies that need one.
/// </summary>
internal sealed record OkxDepositAddress(string Addr, string Chain, string? Tag, string? Memo, string? PmtId);

/// <summary>POST /api/v5/asset/withdrawal (https://www.okx.com/docs-v5/en/#funding-account-rest-api-withdrawal).</summary>
internal sealed record OkxWithdrawal(string WdId);

/// <summary>GET /api/v5/asset/deposit-history: state 0 waiting for confirmation, 1 credited, 2 successful, 11 blacklisted address; 8, 12, 13, 14, 17 held.</summary>
internal sealed record OkxDeposit(string Ccy, decimal Amt, string? TxId, string State, long Ts);

/// <summary>GET /api/v5/asset/withdrawal-history: state 2 success, 1 broadcasting, -1 failed, -2 canceled, others waiting.</summary>
internal sealed record OkxWithdrawalRecord(string WdId, string Ccy, decimal Amt, decimal Fee, string To, string? TxId, string State);
