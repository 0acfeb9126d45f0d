namespace Basis.Venues.Exchanges.Bybit;

// Shapes of Bybit v5's `result` objects; numbers arrive as strings, and as "" where there is no value
// (liqPrice of a safe position, avgPrice of an unfilled order). Only the fields we use are declared.

internal sealed record BybitList<T>(IReadOnlyList<T> List);

/// <summary>GET /v5/account/wallet-balance (https://bybit-exchange.github.io/docs/v5/account/wallet-balance).</summary>
internal sealed record BybitWallet(IReadOnlyList<BybitCoinBalance> Coin);

internal sealed record BybitCoinBalance(
    string Coin, decimal WalletBalance, decimal Locked, decimal TotalPositionIM, decimal TotalOrderIM);

/// <summary>GET /v5/position/list (https://bybit-exchange.github.io/docs/v5/position).</summary>
internal sealed record BybitPosition(
    string Symbol, string Side, decimal Size, decimal AvgPrice, decimal MarkPrice, decimal UnrealisedPnl, decimal Leverage,
    int TradeMode, decimal LiqPrice);

/// <summary>GET /v5/market/tickers (https://bybit-exchange.github.io/docs/v5/market/tickers).</summary>
internal sealed record BybitTicker(string Symbol, decimal MarkPrice, decimal IndexPrice, decimal FundingRate, long NextFundingTime);

/// <summary>GET /v5/market/funding/history (https://bybit-exchange.github.io/docs/v5/market/history-fund-rate).</summary>
internal sealed record BybitFundingRate(string Symbol, decimal FundingRate, long FundingRateTimestamp);

/// <summary>GET /v5/order/realtime and /v5/order/history (https://bybit-exchange.github.io/docs/v5/order/open-order).</summary>
internal sealed record BybitOrder(
    string OrderId, string OrderLinkId, string Symbol, string Side, string OrderType, string OrderStatus, decimal Qty,
    decimal CumExecQty, decimal Price, decimal AvgPrice);

/// <summary>POST /v5/asset/transfer/inter-transfer (https://bybit-exchange.github.io/docs/v5/asset/transfer/create-inter-transfer).</summary>
internal sealed record BybitTransfer(string TransferId, string? Status);

/// <summary>GET /v5/asset/deposit/query-address (https://bybit-exchange.github.io/docs/v5/asset/deposit/master-deposit-addr).</summary>
internal sealed record BybitDepositAddresses(string Coin, IReadOnlyList<BybitDepositChain> Chains);

/// <summary>chain: the chain name as sent in chainType; chainType: its display name, e.g. "Ethereum (ERC20)".</summary>
internal sealed record BybitDepositChain(string Chain, string AddressDeposit, string? TagDeposit);

/// <summary>POST /v5/asset/withdraw/create (https://bybit-exchange.github.io/docs/v5/asset/withdraw).</summary>
internal sealed record BybitWithdrawal(string Id);

/// <summary>GET /v5/asset/deposit/query-record: status 0 unknown, 1 to be confirmed, 2 processing, 3 success, 4 failed, 10011 / 10012 pending / credited to the funding pool; successAt in ms.</summary>
internal sealed record BybitDepositRecords(IReadOnlyList<BybitDepositRecord> Rows, string? NextPageCursor);

internal sealed record BybitDepositRecord(string Coin, decimal Amount, string? TxID, int Status, string? SuccessAt);

/// <summary>GET /v5/asset/withdraw/query-record: status SecurityCheck, Pending, BlockchainConfirmed, success, CancelByUser, Reject, Fail, MoreInformationRequired, Unknown.</summary>
internal sealed record BybitWithdrawalRecords(IReadOnlyList<BybitWithdrawalRecord> Rows);

internal sealed record BybitWithdrawalRecord(string WithdrawId, string Coin, decimal Amount, decimal WithdrawFee, string Status, string ToAddress, string? TxID);
