namespace Basis.Venues.Exchanges;

/// <summary>
/// What the live engine asks of a centralised exchange, venue-neutral: account state, market state for the
/// perpetuals it hedges with, orders, and moving funds. Implementations carry requests out; they decide nothing.
/// </summary>
public interface IPerpExchange
{
    ExchangeVenue Venue { get; }

    Task<IReadOnlyList<AssetBalance>> GetBalancesAsync(TradingAccount account, CancellationToken cancellationToken);

    /// <summary>Open perpetual positions only (zero-size rows the venue returns are left out).</summary>
    Task<IReadOnlyList<PerpPosition>> GetPositionsAsync(CancellationToken cancellationToken);

    Task<MarkPriceSnapshot> GetMarkPriceAsync(string symbol, CancellationToken cancellationToken);

    Task<FundingRateSnapshot> GetFundingRateAsync(string symbol, CancellationToken cancellationToken);

    Task<IReadOnlyList<FundingRateRecord>> GetFundingHistoryAsync(
        string symbol, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken);

    /// <summary>
    /// Places the order at most once: a retry after an unknown outcome first looks the order up by its client
    /// order id and re-sends it, with the same id, only when the venue does not know it.
    /// </summary>
    Task<OrderState> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken);

    Task<OrderState> CancelOrderAsync(TradingAccount account, string symbol, string clientOrderId, CancellationToken cancellationToken);

    /// <summary>Throws <see cref="ExchangeException"/> of kind <see cref="ExchangeErrorKind.UnknownOrder"/> when the venue has no such order.</summary>
    Task<OrderState> GetOrderAsync(TradingAccount account, string symbol, string clientOrderId, CancellationToken cancellationToken);

    Task SetLeverageAsync(string symbol, int leverage, CancellationToken cancellationToken);

    /// <summary>Succeeds when the symbol already uses marginMode.</summary>
    Task SetMarginModeAsync(string symbol, MarginMode marginMode, CancellationToken cancellationToken);

    /// <summary>Moves funds between the venue's spot and futures accounts; returns the venue's transfer id.</summary>
    Task<string> TransferAsync(string asset, decimal amount, TransferDirection direction, CancellationToken cancellationToken);

    Task<DepositAddress> GetDepositAddressAsync(string asset, string network, CancellationToken cancellationToken);

    /// <summary>
    /// Withdraws only to an address in the client's allow-list; any other address is refused with
    /// <see cref="WithdrawalNotAllowedException"/> before a request is made. Never retried: the outcome of a failed
    /// withdrawal request must be checked by a person or by the venue's withdrawal history.
    /// </summary>
    Task<string> WithdrawAsync(WithdrawalRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The asset's deposits the venue lists from <paramref name="since"/> on (venues keep a window: Binance 90 days,
    /// Bybit 30, OKX its last 100), pending ones included, newest first.
    /// </summary>
    Task<IReadOnlyList<DepositRecord>> GetDepositsAsync(string asset, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// A withdrawal by the id <see cref="WithdrawAsync"/> returned; throws <see cref="ExchangeException"/> of kind
    /// <see cref="ExchangeErrorKind.UnknownWithdrawal"/> when the venue has no such withdrawal.
    /// </summary>
    Task<WithdrawalRecord> GetWithdrawalAsync(string withdrawalId, CancellationToken cancellationToken);
}
