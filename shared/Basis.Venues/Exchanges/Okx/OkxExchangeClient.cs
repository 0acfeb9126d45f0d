using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Basis.Venues.Exchanges.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace Basis.Venues.Exchanges.Okx;

/// <summary>
/// OKX v5 USDT perpetual swaps (instType SWAP, symbols such as "BTC-USDT-SWAP") and spot pairs (instType SPOT,
/// "BTC-USDT", traded with tdMode cash) on the trading account. OKX sizes swaps in contracts; this client speaks
/// base-asset quantities like the others and converts with the instrument's contract value (ctVal). Same guarantees as the other clients: server-clock timestamps with one resync on 50102,
/// reads and cancels retried on transient failures, an order with unknown outcome looked up by clOrdId before any
/// re-send with the same id; transfers and withdrawals are never retried. "Spot" in a transfer is the funding account
/// (6), "futures" the trading account (18), which also holds the spot currencies. A per-symbol margin mode is not
/// implemented for OKX (the margin mode is <see cref="OkxClientOptions.MarginMode"/>, sent with every swap order).
/// </summary>
public sealed class OkxExchangeClient : IPerpExchange
{
    private const int FundingHistoryPageSize = 100;

    // OKX's account ids in /api/v5/asset/transfer.
    private const string FundingAccountId = "6";
    private const string TradingAccountId = "18";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new StringDecimalConverter() } };

    private readonly HttpClient _http;
    private readonly OkxClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RequestPause _pause;
    private readonly ServerClock _clock;
    private readonly ResiliencePipeline _repeatable;
    private readonly ResiliencePipeline _onlyIfRejected;
    private readonly ConcurrentDictionary<string, OkxInstrument> _contracts = new(StringComparer.Ordinal);

    public OkxExchangeClient(
        HttpClient http, OkxClientOptions options, TimeProvider? timeProvider = null, ILogger<OkxExchangeClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Credentials.Passphrase is null)
            throw new ArgumentException("OKX credentials need a passphrase.", nameof(options));
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

    public ExchangeVenue Venue => ExchangeVenue.Okx;

    /// <summary>Server time minus local time, as last measured (milliseconds).</summary>
    public long ServerTimeOffsetMs => _clock.OffsetMs;

    /// <summary>
    /// The trading account's currencies: it holds spot and swaps alike, so <see cref="TradingAccount.Spot"/> and
    /// <see cref="TradingAccount.Futures"/> read the same balances (sum only one of them).
    /// </summary>
    public async Task<IReadOnlyList<AssetBalance>> GetBalancesAsync(TradingAccount account, CancellationToken cancellationToken)
    {
        var accounts = await GetAsync<OkxAccountBalance>("/api/v5/account/balance", [], signed: true, cancellationToken).ConfigureAwait(false);
        return [.. accounts.SelectMany(a => a.Details).Where(d => d.CashBal != 0)
            .Select(d => new AssetBalance(account, d.Ccy, d.CashBal, d.AvailBal))];
    }

    public async Task<IReadOnlyList<PerpPosition>> GetPositionsAsync(CancellationToken cancellationToken)
    {
        var rows = await GetAsync<OkxPosition>("/api/v5/account/positions", [new("instType", "SWAP")], signed: true, cancellationToken)
            .ConfigureAwait(false);
        var positions = new List<PerpPosition>();
        foreach (var row in rows.Where(r => r.Pos != 0))
        {
            // Net mode signs pos; long/short mode reports the side in posSide with a positive pos.
            var contracts = row.PosSide == "short" ? -Math.Abs(row.Pos) : row.Pos;
            var contractValue = await ContractValueAsync(row.InstId, cancellationToken).ConfigureAwait(false);
            positions.Add(new PerpPosition(
                row.InstId, contracts * contractValue, row.AvgPx, row.MarkPx, row.Upl, row.Lever,
                row.MgnMode == "isolated" ? MarginMode.Isolated : MarginMode.Cross, row.LiqPx == 0 ? null : row.LiqPx));
        }
        return positions;
    }

    public async Task<MarkPriceSnapshot> GetMarkPriceAsync(string symbol, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var mark = (await GetAsync<OkxMarkPrice>(
            "/api/v5/public/mark-price", [new("instType", "SWAP"), new("instId", symbol)], signed: false, cancellationToken)
            .ConfigureAwait(false)).Single();
        // The swap's index is its underlying pair's: BTC-USDT-SWAP → BTC-USDT.
        var index = (await GetAsync<OkxIndexTicker>(
            "/api/v5/market/index-tickers", [new("instId", Underlying(symbol))], signed: false, cancellationToken).ConfigureAwait(false)).Single();
        return new MarkPriceSnapshot(mark.InstId, mark.MarkPx, index.IdxPx, DateTimeOffset.FromUnixTimeMilliseconds(mark.Ts));
    }

    public async Task<FundingRateSnapshot> GetFundingRateAsync(string symbol, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var funding = (await GetAsync<OkxFundingRate>("/api/v5/public/funding-rate", [new("instId", symbol)], signed: false, cancellationToken)
            .ConfigureAwait(false)).Single();
        return new FundingRateSnapshot(funding.InstId, funding.FundingRate, DateTimeOffset.FromUnixTimeMilliseconds(funding.FundingTime));
    }

    public async Task<IReadOnlyList<FundingRateRecord>> GetFundingHistoryAsync(
        string symbol, DateTimeOffset fromTime, DateTimeOffset toTime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var records = new List<FundingRateRecord>();
        var start = fromTime.ToUnixTimeMilliseconds();
        // OKX pages newest first; "after" asks for records older than the given time, "before" newer than it.
        var olderThan = toTime.ToUnixTimeMilliseconds() + 1;
        while (true)
        {
            var page = await GetAsync<OkxFundingRecord>(
                "/api/v5/public/funding-rate-history",
                [new("instId", symbol), new("before", Format(start - 1)), new("after", Format(olderThan)), new("limit", Format(FundingHistoryPageSize))],
                signed: false, cancellationToken).ConfigureAwait(false);
            records.AddRange(page.Select(r => new FundingRateRecord(r.InstId, r.FundingRate, DateTimeOffset.FromUnixTimeMilliseconds(r.FundingTime))));
            if (page.Count < FundingHistoryPageSize)
                break;
            olderThan = page.Min(r => r.FundingTime);
        }
        return [.. records.OrderBy(r => r.FundingTime)];
    }

    public async Task<OrderState> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.EnsureConsistent();
        var body = await OrderBodyAsync(request, cancellationToken).ConfigureAwait(false);
        return await SafeOrderPlacement.PlaceAsync(
            Venue, request,
            async token =>
            {
                await PostAsync("/api/v5/trade/order", body, _onlyIfRejected, token).ConfigureAwait(false);
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
        var body = new JsonObject { ["instId"] = symbol, ["clOrdId"] = clientOrderId }.ToJsonString();
        try
        {
            await PostAsync("/api/v5/trade/cancel-order", body, _repeatable, cancellationToken).ConfigureAwait(false);
        }
        catch (ExchangeException e) when (e.VenueCode is "51400" or "51401")
        {
            // Already canceled (for example by the attempt whose answer was lost), filled, or unknown: the order says which.
        }
        return await GetOrderAsync(account, symbol, clientOrderId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<OrderState> GetOrderAsync(TradingAccount account, string symbol, string clientOrderId, CancellationToken cancellationToken)
    {
        return await FindOrderAsync(account, symbol, clientOrderId, cancellationToken).ConfigureAwait(false)
            ?? throw new ExchangeException(Venue, ExchangeErrorKind.UnknownOrder, "51603", $"No order with clOrdId {clientOrderId} on {symbol}.");
    }

    public async Task SetLeverageAsync(string symbol, int leverage, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(leverage);
        var body = new JsonObject { ["instId"] = symbol, ["lever"] = Format(leverage), ["mgnMode"] = TradeMode() }.ToJsonString();
        await PostAsync("/api/v5/account/set-leverage", body, _repeatable, cancellationToken).ConfigureAwait(false);
    }

    public Task SetMarginModeAsync(string symbol, MarginMode marginMode, CancellationToken cancellationToken) =>
        throw new NotSupportedException("OKX takes the margin mode with every order (tdMode): set OkxClientOptions.MarginMode instead.");

    /// <summary>
    /// Moves <paramref name="asset"/> between the funding account (6: deposits arrive and withdrawals leave there) and
    /// the trading account (18: margin for the swaps). Returns OKX's transId.
    /// </summary>
    public async Task<string> TransferAsync(string asset, decimal amount, TransferDirection direction, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(asset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        // https://www.okx.com/docs-v5/en/#funding-account-rest-api-funds-transfer
        var (from, to) = direction == TransferDirection.SpotToFutures ? (FundingAccountId, TradingAccountId) : (TradingAccountId, FundingAccountId);
        var body = new JsonObject { ["ccy"] = asset, ["amt"] = Format(amount), ["from"] = from, ["to"] = to }.ToJsonString();
        var transfer = (await PostAsync<OkxTransfer>("/api/v5/asset/transfer", body, _onlyIfRejected, cancellationToken).ConfigureAwait(false))
            .Single();
        return transfer.TransId;
    }

    /// <param name="asset">The currency, e.g. USDT.</param>
    /// <param name="network">The chain without the currency: OKX names chains "{ccy}-{network}", e.g. ERC20 for USDT-ERC20.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<DepositAddress> GetDepositAddressAsync(string asset, string network, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(asset);
        ArgumentException.ThrowIfNullOrWhiteSpace(network);
        EnsureOnChainWallet("deposit addresses");
        // https://www.okx.com/docs-v5/en/#funding-account-rest-api-get-deposit-address: one entry per chain (and account it credits).
        var chain = Chain(asset, network);
        var addresses = await GetAsync<OkxDepositAddress>("/api/v5/asset/deposit-address", [new("ccy", asset)], signed: true, cancellationToken)
            .ConfigureAwait(false);
        var address = addresses.FirstOrDefault(a => a.Chain == chain)
            ?? throw new ExchangeException(Venue, ExchangeErrorKind.InvalidRequest, null, $"OKX lists no {asset} deposit address on chain {chain}.");
        // Memo-style networks carry the second part as tag, memo or payment id, whichever the currency uses.
        var tag = new[] { address.Tag, address.Memo, address.PmtId }.FirstOrDefault(t => !string.IsNullOrEmpty(t));
        return new DepositAddress(asset, network, address.Addr, tag);
    }

    /// <summary>
    /// An on-chain withdrawal (dest 4) from the funding account (move the coins there first with <see cref="TransferAsync"/>)
    /// on chain "{asset}-{network}", with the request's id as OKX's clientId. OKX no longer takes a fee parameter; it
    /// deducts the chain's fee from the funding balance.
    /// </summary>
    public async Task<string> WithdrawAsync(WithdrawalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        WithdrawalNotAllowedException.ThrowIfNotAllowed(Venue, _options.WithdrawalAllowList, request.Address);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Amount);
        EnsureOnChainWallet("withdrawals");
        // https://www.okx.com/docs-v5/en/#funding-account-rest-api-withdrawal: a tagged address is sent as "address:tag".
        var body = new JsonObject
        {
            ["ccy"] = request.Asset,
            ["amt"] = Format(request.Amount),
            ["dest"] = "4",
            ["toAddr"] = request.Tag is null ? request.Address : request.Address + ":" + request.Tag,
            ["chain"] = Chain(request.Asset, request.Network),
            ["clientId"] = request.ClientWithdrawalId,
        }.ToJsonString();
        var withdrawal = (await PostAsync<OkxWithdrawal>("/api/v5/asset/withdrawal", body, _onlyIfRejected, cancellationToken)
            .ConfigureAwait(false)).Single();
        if (_logger.IsEnabled(LogLevel.Information))
            _logger.LogInformation(
                "OKX withdrawal {ClientWithdrawalId} of {Amount} {Asset} accepted as {WithdrawalId}",
                request.ClientWithdrawalId, request.Amount, request.Asset, withdrawal.WdId);
        return withdrawal.WdId;
    }

    /// <summary>On-chain deposits into the funding account (6), where OKX credits them.</summary>
    public async Task<IReadOnlyList<DepositRecord>> GetDepositsAsync(string asset, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(asset);
        EnsureOnChainWallet("deposit histories");
        // https://www.okx.com/docs-v5/en/#funding-account-rest-api-get-deposit-history: up to 100, newest first;
        // before: records newer than that ts (exclusive).
        var rows = await GetAsync<OkxDeposit>(
            "/api/v5/asset/deposit-history", [new("ccy", asset), new("before", Format(since.ToUnixTimeMilliseconds() - 1))], signed: true, cancellationToken)
            .ConfigureAwait(false);
        return [.. rows.Select(r => new DepositRecord(
            r.Ccy, r.Amt, TxHashes.Normalise(r.TxId) ?? "",
            r.State switch
            {
                "1" or "2" => DepositStatus.Credited,
                "11" => DepositStatus.Failed,
                _ => DepositStatus.Pending,
            },
            DateTimeOffset.FromUnixTimeMilliseconds(r.Ts)))];
    }

    public async Task<WithdrawalRecord> GetWithdrawalAsync(string withdrawalId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(withdrawalId);
        EnsureOnChainWallet("withdrawal histories");
        // https://www.okx.com/docs-v5/en/#funding-account-rest-api-get-withdrawal-history
        var rows = await GetAsync<OkxWithdrawalRecord>("/api/v5/asset/withdrawal-history", [new("wdId", withdrawalId)], signed: true, cancellationToken)
            .ConfigureAwait(false);
        var row = rows.FirstOrDefault(r => r.WdId == withdrawalId)
            ?? throw new ExchangeException(Venue, ExchangeErrorKind.UnknownWithdrawal, null, $"OKX lists no withdrawal {withdrawalId}.");
        return new WithdrawalRecord(row.WdId, row.Ccy, row.Amt, row.Fee, row.To, TxHashes.Normalise(row.TxId), row.State switch
        {
            "2" => WithdrawalStatus.Completed,
            "1" => WithdrawalStatus.Sent,
            "-1" or "-2" => WithdrawalStatus.Failed,
            _ => WithdrawalStatus.Pending,
        });
    }

    /// <summary>Measures the server clock (GET /api/v5/public/time) for the timestamps of signed requests.</summary>
    public async Task SyncServerTimeAsync(CancellationToken cancellationToken)
    {
        var sentAt = _clock.LocalNow();
        var time = await _repeatable.ExecuteAsync(
            async token => Data<OkxServerTime>(await SendOnceAsync(HttpMethod.Get, "/api/v5/public/time", "", signed: false, token).ConfigureAwait(false)),
            cancellationToken).ConfigureAwait(false);
        _clock.Record(sentAt, _clock.LocalNow(), time.Single().Ts);
    }

    // Also converts the private stream's sizes (OkxOrderUpdateFeed).
    internal async Task<decimal> ContractValueAsync(string instId, CancellationToken cancellationToken) =>
        (await ContractAsync(instId, cancellationToken).ConfigureAwait(false)).CtVal;

    /// <summary>The swap's contract: its value in the base asset (ctVal) and the lot its sizes are whole multiples of (lotSz), read once.</summary>
    private async Task<OkxInstrument> ContractAsync(string instId, CancellationToken cancellationToken)
    {
        if (_contracts.TryGetValue(instId, out var known))
            return known;
        var instrument = (await GetAsync<OkxInstrument>(
            "/api/v5/public/instruments", [new("instType", "SWAP"), new("instId", instId)], signed: false, cancellationToken)
            .ConfigureAwait(false)).Single();
        return _contracts[instId] = instrument;
    }

    private async Task<OrderState?> FindOrderAsync(
        TradingAccount account, string symbol, string clientOrderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ClientOrderIds.Validate(clientOrderId);
        try
        {
            var order = (await GetAsync<OkxOrder>(
                "/api/v5/trade/order", [new("instId", symbol), new("clOrdId", clientOrderId)], signed: true, cancellationToken)
                .ConfigureAwait(false)).Single();
            // Spot sizes are base units already.
            var contractValue = order.InstType == "SPOT" ? 1m : await ContractValueAsync(order.InstId, cancellationToken).ConfigureAwait(false);
            return ToOrderState(account, order, contractValue);
        }
        catch (ExchangeException e) when (e.Kind == ExchangeErrorKind.UnknownOrder)
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<T>> GetAsync<T>(
        string path, IReadOnlyList<KeyValuePair<string, string>> parameters, bool signed, CancellationToken cancellationToken)
    {
        var query = string.Join('&', parameters.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));
        var pathAndQuery = query.Length == 0 ? path : path + "?" + query;
        var envelope = await _repeatable.ExecuteAsync(
            async token => await SendResyncingClockAsync(HttpMethod.Get, pathAndQuery, "", signed, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        return Data<T>(envelope);
    }

    private Task PostAsync(string path, string jsonBody, ResiliencePipeline pipeline, CancellationToken cancellationToken) =>
        PostAsync<JsonElement>(path, jsonBody, pipeline, cancellationToken);

    private async Task<IReadOnlyList<T>> PostAsync<T>(string path, string jsonBody, ResiliencePipeline pipeline, CancellationToken cancellationToken)
    {
        var envelope = await pipeline.ExecuteAsync(
            async token => await SendResyncingClockAsync(HttpMethod.Post, path, jsonBody, signed: true, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        return Data<T>(envelope);
    }

    private async Task<JsonElement> SendResyncingClockAsync(
        HttpMethod method, string pathAndQuery, string body, bool signed, CancellationToken cancellationToken)
    {
        if (!signed)
            return await SendOnceAsync(method, pathAndQuery, body, signed, cancellationToken).ConfigureAwait(false);
        return await _clock.SendSignedAsync(
            token => SendOnceAsync(method, pathAndQuery, body, signed, token), SyncServerTimeAsync, _logger, Venue, $"{method} {pathAndQuery}",
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonElement> SendOnceAsync(HttpMethod method, string pathAndQuery, string body, bool signed, CancellationToken cancellationToken)
    {
        await _pause.WaitAsync(_clock.Now(), cancellationToken).ConfigureAwait(false);
        using var message = new HttpRequestMessage(method, new Uri(_options.Endpoints.RestBaseUrl, pathAndQuery));
        if (method == HttpMethod.Post)
            message.Content = new StringContent(body, Encoding.UTF8, "application/json");
        if (signed)
            foreach (var header in OkxSigner.Headers(_options.Credentials, _clock.Now(), method, pathAndQuery, body, _options.Endpoints.IsTestnet))
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        else if (_options.Endpoints.IsTestnet)
            message.Headers.TryAddWithoutValidation("x-simulated-trading", "1");

        var response = await ExchangeHttp.SendAsync(_http, message, Venue, $"{method} {pathAndQuery}", cancellationToken).ConfigureAwait(false);

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var httpStatus = (int)response.StatusCode;
            JsonElement root;
            try
            {
                root = JsonSerializer.Deserialize<JsonElement>(text);
            }
            catch (JsonException) when (!response.IsSuccessStatusCode)
            {
                throw Logged(OkxErrors.From("", response.ReasonPhrase ?? response.StatusCode.ToString(), httpStatus), method, pathAndQuery);
            }
            var code = root.GetProperty("code").GetString() ?? "";
            if (code == "0" && response.IsSuccessStatusCode)
                return root;
            // A refused order or cancel carries its reason in the item (sCode/sMsg); the top-level code is then just "1".
            var reason = root.GetProperty("msg").GetString() ?? "";
            if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array && data.GetArrayLength() > 0
                && data[0].TryGetProperty("sCode", out var sCode) && sCode.GetString() is { Length: > 0 } itemCode && itemCode != "0")
            {
                code = itemCode;
                reason = data[0].GetProperty("sMsg").GetString() ?? "";
            }
            var error = OkxErrors.From(code, reason, httpStatus);
            if (error.Kind == ExchangeErrorKind.RateLimited)
                _pause.Until(_clock.Now() + _options.RetryBaseDelay);
            throw Logged(error, method, pathAndQuery);
        }
    }

    private ExchangeException Logged(ExchangeException error, HttpMethod method, string pathAndQuery)
    {
        if (_logger.IsEnabled(LogLevel.Warning))
            _logger.LogWarning("OKX {Method} {Path} failed: {Kind} {Code} {VenueMessage}", method, pathAndQuery, error.Kind, error.VenueCode, error.VenueMessage);
        return error;
    }

    private static List<T> Data<T>(JsonElement envelope) =>
        envelope.GetProperty("data").Deserialize<List<T>>(Json)
        ?? throw new ExchangeException(ExchangeVenue.Okx, ExchangeErrorKind.Unknown, null, "Empty data.");

    private string TradeMode() => _options.MarginMode == MarginMode.Isolated ? "isolated" : "cross";

    private async Task<string> OrderBodyAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        if (request.Account == TradingAccount.Spot)
            return SpotOrderBody(request);
        var contract = await ContractAsync(request.Symbol, cancellationToken).ConfigureAwait(false);
        var contracts = request.Quantity / contract.CtVal;
        if (contracts % contract.LotSz != 0)
            throw new ArgumentException(
                $"Order {request.ClientOrderId}: {request.Quantity} is not a whole number of {request.Symbol} lots of {Format(contract.LotSz)} contracts of {Format(contract.CtVal)}.");
        var body = new JsonObject
        {
            ["instId"] = request.Symbol,
            ["tdMode"] = TradeMode(),
            ["clOrdId"] = request.ClientOrderId,
            ["side"] = request.Side == OrderSide.Buy ? "buy" : "sell",
            ["ordType"] = request.Type == OrderType.Limit ? "limit" : "market",
            ["sz"] = Format(contracts),
        };
        if (request.LimitPrice is { } price)
            body["px"] = Format(price);
        if (request.ReduceOnly)
            body["reduceOnly"] = true;
        return body.ToJsonString();
    }

    // Spot in the trading account is tdMode cash; a market order's sz is base currency only with tgtCcy base_ccy (a
    // market buy's would otherwise be quote currency).
    private static string SpotOrderBody(OrderRequest request)
    {
        var body = new JsonObject
        {
            ["instId"] = request.Symbol,
            ["tdMode"] = "cash",
            ["clOrdId"] = request.ClientOrderId,
            ["side"] = request.Side == OrderSide.Buy ? "buy" : "sell",
            ["ordType"] = request.Type == OrderType.Limit ? "limit" : "market",
            ["sz"] = Format(request.Quantity),
        };
        if (request.Type == OrderType.Market)
            body["tgtCcy"] = "base_ccy";
        if (request.LimitPrice is { } price)
            body["px"] = Format(price);
        return body.ToJsonString();
    }

    private static OrderState ToOrderState(TradingAccount account, OkxOrder order, decimal contractValue) => new(
        account, order.InstId, order.ClOrdId, order.OrdId,
        order.Side == "buy" ? OrderSide.Buy : OrderSide.Sell,
        order.OrdType == "limit" ? OrderType.Limit : OrderType.Market,
        OkxOrderStates.Parse(order.State),
        order.Sz * contractValue, order.AccFillSz * contractValue,
        order.Px == 0 ? null : order.Px,
        order.AvgPx == 0 ? null : order.AvgPx);

    // Demo trading has no chain behind it: no deposit addresses, no withdrawals (transfers between its accounts work).
    private void EnsureOnChainWallet(string operation)
    {
        if (_options.Endpoints.IsTestnet)
            throw new NotSupportedException($"OKX demo trading has no on-chain wallet: {operation} work on the live site only.");
    }

    private static string Chain(string asset, string network) => asset + "-" + network;

    private static string Underlying(string swapInstId) =>
        swapInstId.EndsWith("-SWAP", StringComparison.Ordinal) ? swapInstId[..^"-SWAP".Length] : swapInstId;

    private static string Format(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
