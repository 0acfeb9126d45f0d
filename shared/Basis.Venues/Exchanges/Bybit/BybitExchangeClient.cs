using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Basis.Venues.Exchanges.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace Basis.Venues.Exchanges.Bybit;

/// <summary>
/// Bybit v5 USDT perpetuals (category "linear") and spot pairs (category "spot") on a unified trading account. Same guarantees as the Binance
/// client: server-clock timestamps with one resync-and-resend on retCode 10002, pauses from X-Bapi-Limit-* headers,
/// reads and cancels retried on transient failures, an order with unknown outcome looked up by orderLinkId before
/// any re-send with the same id; transfers and withdrawals are never retried. "Spot" in a transfer is the funding
/// wallet (FUND), "futures" the unified trading account (UNIFIED). Spot orders trade from that same unified account, so
/// balances read for either account are the same wallet. A per-symbol margin mode is not implemented for Bybit and
/// throws NotSupportedException.
/// </summary>
public sealed class BybitExchangeClient : IPerpExchange
{
    // The perpetuals' category, for the calls that only concern them.
    private const string Category = "linear";
    private const int FundingHistoryPageSize = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new StringDecimalConverter() } };

    private readonly HttpClient _http;
    private readonly BybitClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RequestPause _pause;
    private readonly ServerClock _clock;
    private readonly ResiliencePipeline _repeatable;
    private readonly ResiliencePipeline _onlyIfRejected;

    public BybitExchangeClient(
        HttpClient http, BybitClientOptions options, TimeProvider? timeProvider = null, ILogger<BybitExchangeClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _clock = new ServerClock(_time);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _pause = new RequestPause(_time);
        _repeatable = ExchangeRetryPipelines.Build(
            Venue, options.MaxRetryAttempts, options.RetryBaseDelay, retryWhenOutcomeUnknown: true, _time, _logger);
        _onlyIfRejected = ExchangeRetryPipelines.Build(
            Venue, options.MaxRetryAttempts, options.RetryBaseDelay, retryWhenOutcomeUnknown: false, _time, _logger);
    }

    public ExchangeVenue Venue => ExchangeVenue.Bybit;

    /// <summary>Server time minus local time, as last measured (milliseconds).</summary>
    public long ServerTimeOffsetMs => _clock.OffsetMs;

    /// <summary>
    /// The unified trading account's coins: one wallet for spot and derivatives, so <see cref="TradingAccount.Spot"/> and
    /// <see cref="TradingAccount.Futures"/> read the same balances (sum only one of them).
    /// </summary>
    public async Task<IReadOnlyList<AssetBalance>> GetBalancesAsync(TradingAccount account, CancellationToken cancellationToken)
    {
        var wallets = await GetAsync<BybitList<BybitWallet>>(
            "/v5/account/wallet-balance", [new("accountType", "UNIFIED")], signed: true, cancellationToken).ConfigureAwait(false);
        // Unified accounts no longer report availableToWithdraw per coin; what is not tied up in margin or orders is free.
        return [.. wallets.List.SelectMany(w => w.Coin).Where(c => c.WalletBalance != 0).Select(c => new AssetBalance(
            account, c.Coin, c.WalletBalance, Math.Max(0m, c.WalletBalance - c.Locked - c.TotalPositionIM - c.TotalOrderIM)))];
    }

    public async Task<IReadOnlyList<PerpPosition>> GetPositionsAsync(CancellationToken cancellationToken)
    {
        var positions = await GetAsync<BybitList<BybitPosition>>(
            "/v5/position/list", [new("category", Category), new("settleCoin", "USDT")], signed: true, cancellationToken)
            .ConfigureAwait(false);
        return [.. positions.List.Where(p => p.Size != 0).Select(p => new PerpPosition(
            p.Symbol, p.Side == "Sell" ? -p.Size : p.Size, p.AvgPrice, p.MarkPrice, p.UnrealisedPnl, p.Leverage,
            p.TradeMode == 1 ? MarginMode.Isolated : MarginMode.Cross, p.LiqPrice == 0 ? null : p.LiqPrice))];
    }

    public async Task<MarkPriceSnapshot> GetMarkPriceAsync(string symbol, CancellationToken cancellationToken)
    {
        var (ticker, time) = await GetTickerAsync(symbol, cancellationToken).ConfigureAwait(false);
        return new MarkPriceSnapshot(ticker.Symbol, ticker.MarkPrice, ticker.IndexPrice, time);
    }

    public async Task<FundingRateSnapshot> GetFundingRateAsync(string symbol, CancellationToken cancellationToken)
    {
        var (ticker, _) = await GetTickerAsync(symbol, cancellationToken).ConfigureAwait(false);
        return new FundingRateSnapshot(ticker.Symbol, ticker.FundingRate, DateTimeOffset.FromUnixTimeMilliseconds(ticker.NextFundingTime));
    }

    public async Task<IReadOnlyList<FundingRateRecord>> GetFundingHistoryAsync(
        string symbol, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var records = new List<FundingRateRecord>();
        var start = fromTime.ToUnixTimeMilliseconds();
        var end = toTime.ToUnixTimeMilliseconds();
        // Bybit pages newest first: walk the end of the window back.
        while (end >= start)
        {
            var page = await GetAsync<BybitList<BybitFundingRate>>(
                "/v5/market/funding/history",
                [new("category", Category), new("symbol", symbol), new("startTime", Format(start)), new("endTime", Format(end)),
                    new("limit", Format(FundingHistoryPageSize))],
                signed: false, cancellationToken).ConfigureAwait(false);
            records.AddRange(page.List.Select(r => new FundingRateRecord(
                r.Symbol, r.FundingRate, DateTimeOffset.FromUnixTimeMilliseconds(r.FundingRateTimestamp))));
            if (page.List.Count < FundingHistoryPageSize)
                break;
            end = page.List.Min(r => r.FundingRateTimestamp) - 1;
        }
        return [.. records.OrderBy(r => r.FundingTime)];
    }

    public async Task<OrderState> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.EnsureConsistent();
        var body = OrderBody(request);
        return await SafeOrderPlacement.PlaceAsync(
            Venue, request,
            async token =>
            {
                await PostAsync("/v5/order/create", body, _onlyIfRejected, token).ConfigureAwait(false);
                return await GetOrderAsync(request.Account, request.Symbol, request.ClientOrderId, token).ConfigureAwait(false);
            },
            token => FindOrderAsync(request.Account, request.Symbol, request.ClientOrderId, token),
            _options.MaxRetryAttempts, _options.RetryBaseDelay, _time, _logger, cancellationToken).ConfigureAwait(false);
    }

    public async Task<OrderState> CancelOrderAsync(
        TradingAccount account, string symbol, string clientOrderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ClientOrderIds.Validate(clientOrderId);
        var body = new JsonObject { ["category"] = CategoryOf(account), ["symbol"] = symbol, ["orderLinkId"] = clientOrderId }.ToJsonString();
        try
        {
            await PostAsync("/v5/order/cancel", body, _repeatable, cancellationToken).ConfigureAwait(false);
        }
        catch (ExchangeException e) when (e.Kind == ExchangeErrorKind.UnknownOrder)
        {
            // A retried cancel finds the order already canceled by the attempt whose answer was lost.
            var order = await GetOrderAsync(account, symbol, clientOrderId, cancellationToken).ConfigureAwait(false);
            if (order.Status == OrderStatus.Canceled)
                return order;
            throw;
        }
        return await GetOrderAsync(account, symbol, clientOrderId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<OrderState> GetOrderAsync(TradingAccount account, string symbol, string clientOrderId, CancellationToken cancellationToken)
    {
        return await FindOrderAsync(account, symbol, clientOrderId, cancellationToken).ConfigureAwait(false)
            ?? throw new ExchangeException(Venue, ExchangeErrorKind.UnknownOrder, null, $"No order with orderLinkId {clientOrderId} on {symbol}.");
    }

    public async Task SetLeverageAsync(string symbol, int leverage, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(leverage);
        var value = Format(leverage);
        var body = new JsonObject { ["category"] = Category, ["symbol"] = symbol, ["buyLeverage"] = value, ["sellLeverage"] = value }.ToJsonString();
        try
        {
            await PostAsync("/v5/position/set-leverage", body, _repeatable, cancellationToken).ConfigureAwait(false);
        }
        catch (ExchangeException e) when (e.VenueCode == Format(BybitErrors.LeverageNotModified))
        {
            // Already at that leverage: what the caller wanted.
        }
    }

    public Task SetMarginModeAsync(string symbol, MarginMode marginMode, CancellationToken cancellationToken) =>
        throw new NotSupportedException(
            "Bybit unified accounts set the margin mode for the whole account (POST /v5/account/set-margin-mode), not per symbol; not implemented.");

    /// <summary>
    /// Moves <paramref name="asset"/> between the funding wallet (FUND: deposits arrive and withdrawals leave there) and
    /// the unified trading account (UNIFIED: margin for the perpetuals). Returns the transferId, a UUID made here.
    /// </summary>
    public async Task<string> TransferAsync(string asset, decimal amount, TransferDirection direction, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(asset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        // https://bybit-exchange.github.io/docs/v5/asset/transfer/create-inter-transfer
        var (from, to) = direction == TransferDirection.SpotToFutures ? ("FUND", "UNIFIED") : ("UNIFIED", "FUND");
        var body = new JsonObject
        {
            ["transferId"] = Guid.NewGuid().ToString(),
            ["coin"] = asset,
            ["amount"] = Format(amount),
            ["fromAccountType"] = from,
            ["toAccountType"] = to,
        }.ToJsonString();
        var transfer = await PostAsync<BybitTransfer>("/v5/asset/transfer/inter-transfer", body, _onlyIfRejected, cancellationToken)
            .ConfigureAwait(false);
        if (transfer.Status == "FAILED")
            throw Logged(
                new ExchangeException(Venue, ExchangeErrorKind.Unknown, null, $"Transfer {transfer.TransferId} of {amount} {asset} failed."),
                HttpMethod.Post, "/v5/asset/transfer/inter-transfer");
        return transfer.TransferId;
    }

    /// <param name="asset">The coin.</param>
    /// <param name="network">Bybit's chain name as its coin info lists it (e.g. ETH, TRX, ARBI), sent as chainType.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<DepositAddress> GetDepositAddressAsync(string asset, string network, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(asset);
        ArgumentException.ThrowIfNullOrWhiteSpace(network);
        // https://bybit-exchange.github.io/docs/v5/asset/deposit/master-deposit-addr
        var addresses = await GetAsync<BybitDepositAddresses>(
            "/v5/asset/deposit/query-address", [new("coin", asset), new("chainType", network)], signed: true, cancellationToken)
            .ConfigureAwait(false);
        var chain = addresses.Chains.FirstOrDefault(c => c.Chain == network)
            ?? throw new ExchangeException(Venue, ExchangeErrorKind.InvalidRequest, null, $"Bybit lists no {asset} deposit address on chain {network}.");
        return new DepositAddress(asset, network, chain.AddressDeposit, string.IsNullOrEmpty(chain.TagDeposit) ? null : chain.TagDeposit);
    }

    /// <summary>
    /// Withdraws from the funding wallet (accountType FUND: move the coins there first with <see cref="TransferAsync"/>),
    /// on the requested chain even to a Bybit address (forceChain 1), with the request's id as Bybit's idempotent requestId.
    /// </summary>
    public async Task<string> WithdrawAsync(WithdrawalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        WithdrawalNotAllowedException.ThrowIfNotAllowed(Venue, _options.WithdrawalAllowList, request.Address);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Amount);
        // The body carries its own timestamp against replays: at server time, like the signature's.
        if (!_clock.IsMeasured)
            await SyncServerTimeAsync(cancellationToken).ConfigureAwait(false);
        // https://bybit-exchange.github.io/docs/v5/asset/withdraw
        var body = new JsonObject
        {
            ["coin"] = request.Asset,
            ["chain"] = request.Network,
            ["address"] = request.Address,
        };
        if (request.Tag is not null)
            body["tag"] = request.Tag;
        body["amount"] = Format(request.Amount);
        body["timestamp"] = _clock.Now().ToUnixTimeMilliseconds();
        body["forceChain"] = 1;
        body["accountType"] = "FUND";
        body["requestId"] = request.ClientWithdrawalId;
        var withdrawal = await PostAsync<BybitWithdrawal>("/v5/asset/withdraw/create", body.ToJsonString(), _onlyIfRejected, cancellationToken)
            .ConfigureAwait(false);
        if (_logger.IsEnabled(LogLevel.Information))
            _logger.LogInformation(
                "Bybit withdrawal {ClientWithdrawalId} of {Amount} {Asset} accepted as {WithdrawalId}",
                request.ClientWithdrawalId, request.Amount, request.Asset, withdrawal.Id);
        return withdrawal.Id;
    }

    /// <summary>
    /// On-chain deposits into the funding wallet (FUND, where Bybit credits them unless the account chose another). Bybit
    /// dates a deposit by successAt only: a record without one is dated at the Unix epoch.
    /// </summary>
    public async Task<IReadOnlyList<DepositRecord>> GetDepositsAsync(string asset, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(asset);
        // https://bybit-exchange.github.io/docs/v5/asset/deposit/deposit-record: 50 a page, nextPageCursor to the next,
        // 30 days from startTime.
        var deposits = new List<DepositRecord>();
        string? cursor = null;
        do
        {
            List<KeyValuePair<string, string>> parameters = [new("coin", asset), new("startTime", Format(since.ToUnixTimeMilliseconds())), new("limit", "50")];
            if (cursor is not null)
                parameters.Add(new("cursor", cursor));
            var page = await GetAsync<BybitDepositRecords>("/v5/asset/deposit/query-record", parameters, signed: true, cancellationToken)
                .ConfigureAwait(false);
            deposits.AddRange(page.Rows.Select(r => new DepositRecord(
                r.Coin, r.Amount, TxHashes.Normalise(r.TxID) ?? "",
                r.Status switch
                {
                    3 or 10012 => DepositStatus.Credited,
                    4 => DepositStatus.Failed,
                    _ => DepositStatus.Pending,
                },
                long.TryParse(r.SuccessAt, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : DateTimeOffset.UnixEpoch)));
            cursor = page.Rows.Count > 0 && !string.IsNullOrEmpty(page.NextPageCursor) ? page.NextPageCursor : null;
        }
        while (cursor is not null);
        return deposits;
    }

    public async Task<WithdrawalRecord> GetWithdrawalAsync(string withdrawalId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(withdrawalId);
        // https://bybit-exchange.github.io/docs/v5/asset/withdraw/withdraw-record: on-chain withdrawals of the last 30 days.
        var records = await GetAsync<BybitWithdrawalRecords>(
            "/v5/asset/withdraw/query-record", [new("withdrawID", withdrawalId)], signed: true, cancellationToken).ConfigureAwait(false);
        var row = records.Rows.FirstOrDefault(r => r.WithdrawId == withdrawalId)
            ?? throw new ExchangeException(Venue, ExchangeErrorKind.UnknownWithdrawal, null, $"Bybit lists no withdrawal {withdrawalId}.");
        return new WithdrawalRecord(row.WithdrawId, row.Coin, row.Amount, row.WithdrawFee, row.ToAddress, TxHashes.Normalise(row.TxID), row.Status switch
        {
            "success" => WithdrawalStatus.Completed,
            "BlockchainConfirmed" => WithdrawalStatus.Sent,
            "CancelByUser" or "Reject" or "Fail" => WithdrawalStatus.Failed,
            _ => WithdrawalStatus.Pending,
        });
    }

    /// <summary>Measures the server clock (GET /v5/market/time) for the timestamps of signed requests.</summary>
    public async Task SyncServerTimeAsync(CancellationToken cancellationToken)
    {
        var sentAt = _clock.LocalNow();
        using var envelope = await _repeatable.ExecuteAsync(
            async token => await SendOnceAsync(HttpMethod.Get, "/v5/market/time", "", signed: false, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        _clock.Record(sentAt, _clock.LocalNow(), envelope.RootElement.GetProperty("time").GetInt64());
    }

    private async Task<(BybitTicker Ticker, DateTimeOffset Time)> GetTickerAsync(string symbol, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        using var envelope = await SendAsync(
            HttpMethod.Get, "/v5/market/tickers", Encode([new("category", Category), new("symbol", symbol)]), signed: false, _repeatable,
            cancellationToken).ConfigureAwait(false);
        var tickers = Result<BybitList<BybitTicker>>(envelope);
        var ticker = tickers.List.FirstOrDefault(t => t.Symbol == symbol)
            ?? throw new ExchangeException(Venue, ExchangeErrorKind.InvalidRequest, null, $"No linear ticker for {symbol}.");
        return (ticker, DateTimeOffset.FromUnixTimeMilliseconds(envelope.RootElement.GetProperty("time").GetInt64()));
    }

    private async Task<OrderState?> FindOrderAsync(
        TradingAccount account, string symbol, string clientOrderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ClientOrderIds.Validate(clientOrderId);
        List<KeyValuePair<string, string>> lookup = [new("category", CategoryOf(account)), new("symbol", symbol), new("orderLinkId", clientOrderId)];
        // Open orders are in realtime; filled and canceled ones may only be in history.
        foreach (var path in new[] { "/v5/order/realtime", "/v5/order/history" })
        {
            var orders = await GetAsync<BybitList<BybitOrder>>(path, lookup, signed: true, cancellationToken).ConfigureAwait(false);
            if (orders.List.FirstOrDefault(o => o.OrderLinkId == clientOrderId) is { } order)
                return ToOrderState(account, order);
        }
        return null;
    }

    private async Task<T> GetAsync<T>(
        string path, IReadOnlyList<KeyValuePair<string, string>> parameters, bool signed, CancellationToken cancellationToken)
    {
        using var envelope = await SendAsync(HttpMethod.Get, path, Encode(parameters), signed, _repeatable, cancellationToken)
            .ConfigureAwait(false);
        return Result<T>(envelope);
    }

    private Task PostAsync(string path, string jsonBody, ResiliencePipeline pipeline, CancellationToken cancellationToken) =>
        PostAsync<JsonElement>(path, jsonBody, pipeline, cancellationToken);

    private async Task<T> PostAsync<T>(string path, string jsonBody, ResiliencePipeline pipeline, CancellationToken cancellationToken)
    {
        using var envelope = await SendAsync(HttpMethod.Post, path, jsonBody, signed: true, pipeline, cancellationToken).ConfigureAwait(false);
        return Result<T>(envelope);
    }

    private async Task<JsonDocument> SendAsync(
        HttpMethod method, string path, string payload, bool signed, ResiliencePipeline pipeline, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(
            async token => await SendResyncingClockAsync(method, path, payload, signed, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);

    private async Task<JsonDocument> SendResyncingClockAsync(
        HttpMethod method, string path, string payload, bool signed, CancellationToken cancellationToken)
    {
        if (!signed)
            return await SendOnceAsync(method, path, payload, signed, cancellationToken).ConfigureAwait(false);
        return await _clock.SendSignedAsync(
            token => SendOnceAsync(method, path, payload, signed, token), SyncServerTimeAsync, _logger, Venue, $"{method} {path}",
            cancellationToken).ConfigureAwait(false);
    }

    // payload: the query string of a GET or the JSON body of a POST, signed exactly as sent.
    private async Task<JsonDocument> SendOnceAsync(HttpMethod method, string path, string payload, bool signed, CancellationToken cancellationToken)
    {
        await _pause.WaitAsync(_clock.Now(), cancellationToken).ConfigureAwait(false);
        var isPost = method == HttpMethod.Post;
        var uri = new Uri(_options.Endpoints.RestBaseUrl, isPost || payload.Length == 0 ? path : path + "?" + payload);
        using var message = new HttpRequestMessage(method, uri);
        if (isPost)
            message.Content = new StringContent(payload, Encoding.UTF8, "application/json");
        if (signed)
            foreach (var header in BybitSigner.Headers(_options.Credentials, _clock.Now().ToUnixTimeMilliseconds(), _options.RecvWindowMs, payload))
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);

        var response = await ExchangeHttp.SendAsync(_http, message, Venue, $"{method} {path}", cancellationToken).ConfigureAwait(false);

        using (response)
        {
            ObserveLimits(response);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw Logged(BybitErrors.FromHttpStatus((int)response.StatusCode, response.ReasonPhrase ?? response.StatusCode.ToString()), method, path);
            var envelope = JsonDocument.Parse(body);
            var retCode = envelope.RootElement.GetProperty("retCode").GetInt32();
            if (retCode == 0)
                return envelope;
            var retMsg = envelope.RootElement.GetProperty("retMsg").GetString() ?? "";
            envelope.Dispose();
            var error = BybitErrors.FromRetCode(retCode, retMsg);
            // Wait for the window Bybit names (X-Bapi-Limit alone may be absent on the refusal), else the base delay.
            if (error.Kind == ExchangeErrorKind.RateLimited)
                _pause.Until(ResetTime(response) ?? _clock.Now() + _options.RetryBaseDelay);
            throw Logged(error, method, path);
        }
    }

    // X-Bapi-Limit is the endpoint's limit per window, X-Bapi-Limit-Status what is left of it, and
    // X-Bapi-Limit-Reset-Timestamp when the window resets (https://bybit-exchange.github.io/docs/v5/rate-limit).
    private void ObserveLimits(HttpResponseMessage response)
    {
        if (ResetTime(response) is not { } reset
            || !TryHeader(response, "X-Bapi-Limit", out var limit)
            || !TryHeader(response, "X-Bapi-Limit-Status", out var remaining))
            return;
        if (limit - remaining >= limit * _options.SlowDownAtShareOfLimit)
            _pause.Until(reset);
    }

    private static DateTimeOffset? ResetTime(HttpResponseMessage response) =>
        TryHeader(response, "X-Bapi-Limit-Reset-Timestamp", out var resetMs) ? DateTimeOffset.FromUnixTimeMilliseconds(resetMs) : null;

    private static bool TryHeader(HttpResponseMessage response, string name, out long value)
    {
        value = 0;
        return response.Headers.TryGetValues(name, out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    private ExchangeException Logged(ExchangeException error, HttpMethod method, string path)
    {
        if (_logger.IsEnabled(LogLevel.Warning))
            _logger.LogWarning("Bybit {Method} {Path} failed: {Kind} {Code} {VenueMessage}", method, path, error.Kind, error.VenueCode, error.VenueMessage);
        return error;
    }

    private static T Result<T>(JsonDocument envelope) =>
        envelope.RootElement.GetProperty("result").Deserialize<T>(Json)
        ?? throw new ExchangeException(ExchangeVenue.Bybit, ExchangeErrorKind.Unknown, null, "Empty result.");

    private static string CategoryOf(TradingAccount account) => account == TradingAccount.Spot ? "spot" : Category;

    private static string OrderBody(OrderRequest request)
    {
        var body = new JsonObject
        {
            ["category"] = CategoryOf(request.Account),
            ["symbol"] = request.Symbol,
            ["side"] = request.Side == OrderSide.Buy ? "Buy" : "Sell",
            ["orderType"] = request.Type == OrderType.Limit ? "Limit" : "Market",
            ["qty"] = Format(request.Quantity),
        };
        // A spot market Buy's qty would otherwise be quote coin; the request's quantity is always the base coin's.
        if (request.Account == TradingAccount.Spot && request.Type == OrderType.Market)
            body["marketUnit"] = "baseCoin";
        if (request.LimitPrice is { } price)
        {
            body["price"] = Format(price);
            body["timeInForce"] = "GTC";
        }
        if (request.ReduceOnly)
            body["reduceOnly"] = true;
        body["orderLinkId"] = request.ClientOrderId;
        return body.ToJsonString();
    }

    private static OrderState ToOrderState(TradingAccount account, BybitOrder order) => new(
        account, order.Symbol, order.OrderLinkId, order.OrderId,
        order.Side == "Buy" ? OrderSide.Buy : OrderSide.Sell,
        order.OrderType == "Limit" ? OrderType.Limit : OrderType.Market,
        BybitOrderStatuses.Parse(order.OrderStatus),
        order.Qty, order.CumExecQty,
        order.OrderType == "Limit" && order.Price != 0 ? order.Price : null,
        order.AvgPrice == 0 ? null : order.AvgPrice);

    private static string Encode(IReadOnlyList<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));

    private static string Format(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
