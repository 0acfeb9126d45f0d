using System.Globalization;
using System.Text;
using System.Text.Json;
using Basis.Venues.Exchanges.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace Basis.Venues.Exchanges.Binance;

/// <summary>
/// Binance USDⓈ-M futures (/fapi) with the spot (/api) and wallet (/sapi) calls the strategies need.
/// Signed requests carry timestamp (local clock corrected by GET /fapi/v1/time) and recvWindow; a -1021 resyncs the
/// clock and sends once more. Reads are retried on transient failures; an order whose outcome is unknown is looked
/// up by its client order id before it is ever re-sent; withdrawals and transfers are never retried.
/// </summary>
public sealed class BinanceExchangeClient : IPerpExchange
{
    private const int FundingHistoryPageSize = 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly BinanceClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly BinanceRateLimitGate _futuresGate;
    private readonly BinanceRateLimitGate _spotGate;
    private readonly ResiliencePipeline _repeatable;
    private readonly ResiliencePipeline _onlyIfRejected;
    private readonly ServerClock _clock;

    public BinanceExchangeClient(
        HttpClient http, BinanceClientOptions options, TimeProvider? timeProvider = null, ILogger<BinanceExchangeClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _clock = new ServerClock(_time);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _futuresGate = new BinanceRateLimitGate(options.FuturesRateLimits, options.SlowDownAtShareOfLimit, _time);
        _spotGate = new BinanceRateLimitGate(options.SpotRateLimits, options.SlowDownAtShareOfLimit, _time);
        _repeatable = ExchangeRetryPipelines.Build(
            Venue, options.MaxRetryAttempts, options.RetryBaseDelay, retryWhenOutcomeUnknown: true, _time, _logger);
        _onlyIfRejected = ExchangeRetryPipelines.Build(
            Venue, options.MaxRetryAttempts, options.RetryBaseDelay, retryWhenOutcomeUnknown: false, _time, _logger);
    }

    public ExchangeVenue Venue => ExchangeVenue.Binance;

    /// <summary>Server time minus local time, as last measured (milliseconds).</summary>
    public long ServerTimeOffsetMs => _clock.OffsetMs;

    public async Task<IReadOnlyList<AssetBalance>> GetBalancesAsync(TradingAccount account, CancellationToken cancellationToken)
    {
        if (account == TradingAccount.Futures)
        {
            var rows = await SendAsync<List<BinanceFuturesBalance>>(
                Api.Futures, HttpMethod.Get, "/fapi/v2/balance", [], Signing.Signed, _repeatable, cancellationToken).ConfigureAwait(false);
            return [.. rows.Where(r => r.Balance != 0).Select(r => new AssetBalance(account, r.Asset, r.Balance, r.AvailableBalance))];
        }
        var spot = await SendAsync<BinanceSpotAccount>(
            Api.Spot, HttpMethod.Get, "/api/v3/account", [new("omitZeroBalances", "true")], Signing.Signed, _repeatable, cancellationToken)
            .ConfigureAwait(false);
        return [.. spot.Balances.Select(b => new AssetBalance(account, b.Asset, b.Free + b.Locked, b.Free))];
    }

    public async Task<IReadOnlyList<PerpPosition>> GetPositionsAsync(CancellationToken cancellationToken)
    {
        var rows = await SendAsync<List<BinancePositionRisk>>(
            Api.Futures, HttpMethod.Get, "/fapi/v2/positionRisk", [], Signing.Signed, _repeatable, cancellationToken).ConfigureAwait(false);
        return [.. rows.Where(r => r.PositionAmt != 0).Select(r => new PerpPosition(
            r.Symbol, r.PositionAmt, r.EntryPrice, r.MarkPrice, r.UnRealizedProfit, r.Leverage,
            ParseMarginMode(r.MarginType), r.LiquidationPrice == 0 ? null : r.LiquidationPrice))];
    }

    public async Task<MarkPriceSnapshot> GetMarkPriceAsync(string symbol, CancellationToken cancellationToken)
    {
        var index = await GetPremiumIndexAsync(symbol, cancellationToken).ConfigureAwait(false);
        return new MarkPriceSnapshot(index.Symbol, index.MarkPrice, index.IndexPrice, DateTimeOffset.FromUnixTimeMilliseconds(index.Time));
    }

    public async Task<FundingRateSnapshot> GetFundingRateAsync(string symbol, CancellationToken cancellationToken)
    {
        // lastFundingRate is the rate that will settle at nextFundingTime (Binance updates it until then).
        var index = await GetPremiumIndexAsync(symbol, cancellationToken).ConfigureAwait(false);
        return new FundingRateSnapshot(index.Symbol, index.LastFundingRate, DateTimeOffset.FromUnixTimeMilliseconds(index.NextFundingTime));
    }

    public async Task<IReadOnlyList<FundingRateRecord>> GetFundingHistoryAsync(
        string symbol, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var records = new List<FundingRateRecord>();
        var start = fromTime.ToUnixTimeMilliseconds();
        var end = toTime.ToUnixTimeMilliseconds();
        while (start <= end)
        {
            var page = await SendAsync<List<BinanceFundingRate>>(
                Api.Futures, HttpMethod.Get, "/fapi/v1/fundingRate",
                [new("symbol", symbol), new("startTime", Format(start)), new("endTime", Format(end)), new("limit", Format(FundingHistoryPageSize))],
                Signing.Public, _repeatable, cancellationToken).ConfigureAwait(false);
            records.AddRange(page.Select(r => new FundingRateRecord(r.Symbol, r.FundingRate, DateTimeOffset.FromUnixTimeMilliseconds(r.FundingTime))));
            if (page.Count < FundingHistoryPageSize)
                break;
            start = page[^1].FundingTime + 1;
        }
        return records;
    }

    public async Task<OrderState> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.EnsureConsistent();
        var parameters = OrderParameters(request);
        return await SafeOrderPlacement.PlaceAsync(
            Venue, request,
            async token => ToOrderState(request.Account, await SendAsync<BinanceOrder>(
                ApiOf(request.Account), HttpMethod.Post, OrderPath(request.Account), parameters, Signing.Signed, _onlyIfRejected, token)
                .ConfigureAwait(false)),
            token => FindOrderAsync(request.Account, request.Symbol, request.ClientOrderId, token),
            _options.MaxRetryAttempts, _options.RetryBaseDelay, _time, _logger, cancellationToken).ConfigureAwait(false);
    }

    public async Task<OrderState> CancelOrderAsync(
        TradingAccount account, string symbol, string clientOrderId, CancellationToken cancellationToken)
    {
        try
        {
            var canceled = await SendAsync<BinanceOrder>(
                ApiOf(account), HttpMethod.Delete, OrderPath(account), OrderLookup(symbol, clientOrderId), Signing.Signed, _repeatable,
                cancellationToken).ConfigureAwait(false);
            return ToOrderState(account, canceled);
        }
        catch (ExchangeException e) when (e.Kind == ExchangeErrorKind.UnknownOrder)
        {
            // A retried cancel finds the order already canceled by the attempt whose answer was lost.
            var order = await GetOrderAsync(account, symbol, clientOrderId, cancellationToken).ConfigureAwait(false);
            if (order.Status == OrderStatus.Canceled)
                return order;
            throw;
        }
    }

    public async Task<OrderState> GetOrderAsync(TradingAccount account, string symbol, string clientOrderId, CancellationToken cancellationToken)
    {
        var order = await SendAsync<BinanceOrder>(
            ApiOf(account), HttpMethod.Get, OrderPath(account), OrderLookup(symbol, clientOrderId), Signing.Signed, _repeatable,
            cancellationToken).ConfigureAwait(false);
        return ToOrderState(account, order);
    }

    public Task SetLeverageAsync(string symbol, int leverage, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(leverage);
        return SendAsync<JsonElement>(
            Api.Futures, HttpMethod.Post, "/fapi/v1/leverage", [new("symbol", symbol), new("leverage", Format(leverage))],
            Signing.Signed, _repeatable, cancellationToken);
    }

    public async Task SetMarginModeAsync(string symbol, MarginMode marginMode, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        try
        {
            await SendAsync<JsonElement>(
                Api.Futures, HttpMethod.Post, "/fapi/v1/marginType",
                [new("symbol", symbol), new("marginType", marginMode == MarginMode.Isolated ? "ISOLATED" : "CROSSED")],
                Signing.Signed, _repeatable, cancellationToken).ConfigureAwait(false);
        }
        catch (ExchangeException e) when (e.VenueCode == Format(BinanceErrors.NoNeedToChangeMarginType))
        {
            // Already in that mode: what the caller wanted.
        }
    }

    public async Task<string> TransferAsync(string asset, decimal amount, TransferDirection direction, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(asset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        EnsureWalletApi("transfers");
        // https://developers.binance.com/docs/wallet/asset/user-universal-transfer
        var type = direction == TransferDirection.SpotToFutures ? "MAIN_UMFUTURE" : "UMFUTURE_MAIN";
        var transfer = await SendAsync<BinanceTransfer>(
            Api.Spot, HttpMethod.Post, "/sapi/v1/asset/transfer",
            [new("type", type), new("asset", asset), new("amount", Format(amount))],
            Signing.Signed, _onlyIfRejected, cancellationToken).ConfigureAwait(false);
        return Format(transfer.TranId);
    }

    public async Task<DepositAddress> GetDepositAddressAsync(string asset, string network, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(asset);
        ArgumentException.ThrowIfNullOrWhiteSpace(network);
        EnsureWalletApi("deposit addresses");
        // https://developers.binance.com/docs/wallet/capital/deposite-address
        var address = await SendAsync<BinanceDepositAddress>(
            Api.Spot, HttpMethod.Get, "/sapi/v1/capital/deposit/address", [new("coin", asset), new("network", network)],
            Signing.Signed, _repeatable, cancellationToken).ConfigureAwait(false);
        return new DepositAddress(address.Coin, network, address.Address, string.IsNullOrEmpty(address.Tag) ? null : address.Tag);
    }

    public async Task<string> WithdrawAsync(WithdrawalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        WithdrawalNotAllowedException.ThrowIfNotAllowed(Venue, _options.WithdrawalAllowList, request.Address);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Amount);
        EnsureWalletApi("withdrawals");
        // https://developers.binance.com/docs/wallet/capital/withdraw
        List<KeyValuePair<string, string>> parameters =
        [
            new("coin", request.Asset), new("withdrawOrderId", request.ClientWithdrawalId), new("network", request.Network),
            new("address", request.Address), new("amount", Format(request.Amount)),
        ];
        if (request.Tag is not null)
            parameters.Add(new("addressTag", request.Tag));
        var withdrawal = await SendAsync<BinanceWithdrawal>(
            Api.Spot, HttpMethod.Post, "/sapi/v1/capital/withdraw/apply", parameters, Signing.Signed, _onlyIfRejected, cancellationToken)
            .ConfigureAwait(false);
        if (_logger.IsEnabled(LogLevel.Information))
            _logger.LogInformation(
                "Binance withdrawal {ClientWithdrawalId} of {Amount} {Asset} accepted as {WithdrawalId}",
                request.ClientWithdrawalId, request.Amount, request.Asset, withdrawal.Id);
        return withdrawal.Id;
    }

    public async Task<IReadOnlyList<DepositRecord>> GetDepositsAsync(string asset, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(asset);
        EnsureWalletApi("deposit histories");
        // https://developers.binance.com/docs/wallet/capital/deposite-history: up to 1000 rows, newest first, from startTime
        // (at most 90 days back).
        var rows = await SendAsync<List<BinanceDeposit>>(
            Api.Spot, HttpMethod.Get, "/sapi/v1/capital/deposit/hisrec", [new("coin", asset), new("startTime", Format(since.ToUnixTimeMilliseconds()))],
            Signing.Signed, _repeatable, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new DepositRecord(
            r.Coin, r.Amount, TxHashes.Normalise(r.TxId) ?? "",
            r.Status switch
            {
                1 or 6 => DepositStatus.Credited,
                2 or 7 => DepositStatus.Failed,
                _ => DepositStatus.Pending,
            },
            DateTimeOffset.FromUnixTimeMilliseconds(r.InsertTime)))];
    }

    public async Task<WithdrawalRecord> GetWithdrawalAsync(string withdrawalId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(withdrawalId);
        EnsureWalletApi("withdrawal histories");
        // https://developers.binance.com/docs/wallet/capital/withdraw-history: idList takes the ids withdraw/apply returned
        // (the last 90 days).
        var rows = await SendAsync<List<BinanceWithdrawalRecord>>(
            Api.Spot, HttpMethod.Get, "/sapi/v1/capital/withdraw/history", [new("idList", withdrawalId)],
            Signing.Signed, _repeatable, cancellationToken).ConfigureAwait(false);
        var row = rows.FirstOrDefault(r => r.Id == withdrawalId)
            ?? throw new ExchangeException(Venue, ExchangeErrorKind.UnknownWithdrawal, null, $"Binance lists no withdrawal {withdrawalId}.");
        var txHash = TxHashes.Normalise(row.TxId);
        return new WithdrawalRecord(row.Id, row.Coin, row.Amount, row.TransactionFee, row.Address, txHash, row.Status switch
        {
            6 => WithdrawalStatus.Completed,
            1 or 3 or 5 => WithdrawalStatus.Failed,
            // Processing: on chain once it carries a txId.
            4 when txHash is not null => WithdrawalStatus.Sent,
            _ => WithdrawalStatus.Pending,
        });
    }

    /// <summary>Measures the server clock (GET /fapi/v1/time) and keeps the offset for the timestamps of signed requests.</summary>
    public async Task SyncServerTimeAsync(CancellationToken cancellationToken)
    {
        var sentAt = _clock.LocalNow();
        var serverTime = await SendAsync<BinanceServerTime>(
            Api.Futures, HttpMethod.Get, "/fapi/v1/time", [], Signing.Public, _repeatable, cancellationToken).ConfigureAwait(false);
        _clock.Record(sentAt, _clock.LocalNow(), serverTime.ServerTime);
    }

    private Task<BinancePremiumIndex> GetPremiumIndexAsync(string symbol, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return SendAsync<BinancePremiumIndex>(
            Api.Futures, HttpMethod.Get, "/fapi/v1/premiumIndex", [new("symbol", symbol)], Signing.Public, _repeatable, cancellationToken);
    }

    private async Task<OrderState?> FindOrderAsync(TradingAccount account, string symbol, string clientOrderId, CancellationToken cancellationToken)
    {
        try
        {
            return await GetOrderAsync(account, symbol, clientOrderId, cancellationToken).ConfigureAwait(false);
        }
        catch (ExchangeException e) when (e.Kind == ExchangeErrorKind.UnknownOrder)
        {
            return null;
        }
    }

    private Task<T> SendAsync<T>(
        Api api, HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>> parameters, Signing signing,
        ResiliencePipeline pipeline, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(
            async token => await SendResyncingClockAsync<T>(api, method, path, parameters, signing, token).ConfigureAwait(false),
            cancellationToken).AsTask();

    private async Task<T> SendResyncingClockAsync<T>(
        Api api, HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>> parameters, Signing signing,
        CancellationToken cancellationToken)
    {
        if (signing == Signing.Public)
            return await SendOnceAsync<T>(api, method, path, parameters, signing, cancellationToken).ConfigureAwait(false);
        return await _clock.SendSignedAsync(
            token => SendOnceAsync<T>(api, method, path, parameters, signing, token), SyncServerTimeAsync, _logger, Venue, $"{method} {path}",
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> SendOnceAsync<T>(
        Api api, HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>> parameters, Signing signing,
        CancellationToken cancellationToken)
    {
        var gate = api == Api.Futures ? _futuresGate : _spotGate;
        await gate.WaitAsync(_clock.Now(), cancellationToken).ConfigureAwait(false);

        var credentials = api == Api.Futures ? _options.FuturesCredentials : _options.SpotCredentials;
        var encoded = Encode(parameters);
        if (signing == Signing.Signed)
        {
            encoded = Join(encoded, $"recvWindow={Format(_options.RecvWindowMs)}&timestamp={Format(_clock.Now().ToUnixTimeMilliseconds())}");
            encoded += "&signature=" + BinanceSigner.Sign(credentials.Secret, encoded);
        }
        // Binance reads POST parameters from the form body, the rest from the query string; we sign what we send.
        var inBody = method == HttpMethod.Post || method == HttpMethod.Put;
        var baseUrl = api == Api.Futures ? _options.Endpoints.RestBaseUrl : _options.Endpoints.SpotRestBaseUrl;
        var uri = new Uri(baseUrl, inBody || encoded.Length == 0 ? path : path + "?" + encoded);
        using var message = new HttpRequestMessage(method, uri);
        if (inBody)
            message.Content = new StringContent(encoded, Encoding.UTF8, "application/x-www-form-urlencoded");
        if (signing == Signing.Signed)
            foreach (var header in BinanceSigner.Headers(credentials))
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);

        var response = await ExchangeHttp.SendAsync(_http, message, Venue, $"{method} {path}", cancellationToken).ConfigureAwait(false);

        using (response)
        {
            gate.Observe(response.Headers, _clock.Now());
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
                return JsonSerializer.Deserialize<T>(body, Json)
                    ?? throw new ExchangeException(Venue, ExchangeErrorKind.Unknown, null, $"{method} {path}: empty response");
            var retryAfter = response.Headers.RetryAfter?.Delta;
            var error = BinanceErrors.FromResponse(response.StatusCode, retryAfter, body);
            if (error.Kind == ExchangeErrorKind.RateLimited)
                gate.RateLimited(retryAfter, _clock.Now());
            if (_logger.IsEnabled(LogLevel.Warning))
                _logger.LogWarning("Binance {Method} {Path} failed: {Kind} {Code} {VenueMessage}", method, path, error.Kind, error.VenueCode, error.VenueMessage);
            throw error;
        }
    }

    private void EnsureWalletApi(string operation)
    {
        if (_options.Endpoints.IsTestnet)
            throw new NotSupportedException(
                $"Binance {operation} need the wallet API (/sapi), which Binance's testnets do not have; they work on mainnet only.");
    }

    private static List<KeyValuePair<string, string>> OrderParameters(OrderRequest request)
    {
        List<KeyValuePair<string, string>> parameters =
        [
            new("symbol", request.Symbol),
            new("side", request.Side == OrderSide.Buy ? "BUY" : "SELL"),
            new("type", request.Type == OrderType.Limit ? "LIMIT" : "MARKET"),
        ];
        if (request.Type == OrderType.Limit)
            parameters.Add(new("timeInForce", "GTC"));
        parameters.Add(new("quantity", Format(request.Quantity)));
        if (request.LimitPrice is { } price)
            parameters.Add(new("price", Format(price)));
        if (request.ReduceOnly)
            parameters.Add(new("reduceOnly", "true"));
        parameters.Add(new("newClientOrderId", request.ClientOrderId));
        // RESULT returns the order's status and fills rather than only an acknowledgement.
        parameters.Add(new("newOrderRespType", "RESULT"));
        return parameters;
    }

    private static List<KeyValuePair<string, string>> OrderLookup(string symbol, string clientOrderId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ClientOrderIds.Validate(clientOrderId);
        return [new("symbol", symbol), new("origClientOrderId", clientOrderId)];
    }

    private static OrderState ToOrderState(TradingAccount account, BinanceOrder order)
    {
        decimal? averagePrice = order.AvgPrice is { } avg
            ? (avg == 0 ? null : avg)
            : order.ExecutedQty != 0 && order.CummulativeQuoteQty is { } quote ? quote / order.ExecutedQty : null;
        return new OrderState(
            account, order.Symbol, order.OrigClientOrderId ?? order.ClientOrderId, Format(order.OrderId),
            order.Side == "BUY" ? OrderSide.Buy : OrderSide.Sell,
            order.Type == "LIMIT" ? OrderType.Limit : OrderType.Market,
            ParseStatus(order.Status), order.OrigQty, order.ExecutedQty,
            order.Price == 0 ? null : order.Price, averagePrice);
    }

    private static OrderStatus ParseStatus(string status) => status switch
    {
        "NEW" or "PENDING_NEW" or "PENDING_CANCEL" => OrderStatus.New,
        "PARTIALLY_FILLED" => OrderStatus.PartiallyFilled,
        "FILLED" => OrderStatus.Filled,
        "CANCELED" => OrderStatus.Canceled,
        "REJECTED" => OrderStatus.Rejected,
        "EXPIRED" or "EXPIRED_IN_MATCH" => OrderStatus.Expired,
        _ => throw new ExchangeException(ExchangeVenue.Binance, ExchangeErrorKind.Unknown, null, $"Unrecognised order status '{status}'."),
    };

    private static MarginMode ParseMarginMode(string marginType) =>
        marginType.Equals("isolated", StringComparison.OrdinalIgnoreCase) ? MarginMode.Isolated : MarginMode.Cross;

    private static string Encode(IReadOnlyList<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));

    private static string Join(string first, string second) => first.Length == 0 ? second : first + "&" + second;

    private static string Format(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static Api ApiOf(TradingAccount account) => account == TradingAccount.Futures ? Api.Futures : Api.Spot;

    private static string OrderPath(TradingAccount account) => account == TradingAccount.Futures ? "/fapi/v1/order" : "/api/v3/order";

    private enum Api
    {
        Futures,
        Spot,
    }

    private enum Signing
    {
        Public,
        Signed,
    }
}
