using System.Globalization;
using System.Text.Json;
using Basis.ExchangeSimulator.Accounting;
using Basis.ExchangeSimulator.Faults;
using Microsoft.AspNetCore.WebUtilities;

namespace Basis.ExchangeSimulator.Binance;

/// <summary>
/// The Binance USDⓈ-M futures REST subset (https://developers.binance.com/docs/derivatives/usds-margined-futures/general-info):
/// field names, order and string-typed numbers as the documented responses, errors as <c>{"code","msg"}</c> with the
/// real HTTP status, and <c>X-MBX-USED-WEIGHT-1M</c> on every response. Request timestamps are checked against the
/// wall clock; everything the market decides (marks, funding, order times) runs on the simulated clock.
/// </summary>
internal sealed class BinanceApi(ExchangeState state, SimulatorStats stats, FaultInjector faults, TimeProvider wallClock)
{
    private const int DefaultRecvWindowMs = 5000;
    private static readonly JsonSerializerOptions Json = new();

    public void Map(WebApplication app)
    {
        // Market data: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api
        app.MapGet("/fapi/v1/ping", c => RunAsync(c, 1, false, _ => new { }));
        app.MapGet("/fapi/v1/time", c => RunAsync(c, 1, false, _ => new { serverTime = wallClock.GetUtcNow().ToUnixTimeMilliseconds() }));
        app.MapGet("/fapi/v1/exchangeInfo", c => RunAsync(c, 1, false, _ => ExchangeInfo()));
        app.MapGet("/fapi/v1/premiumIndex", c => RunAsync(c, c.Request.Query.ContainsKey("symbol") ? 1 : 10, false, PremiumIndex));
        app.MapGet("/fapi/v1/fundingRate", c => RunAsync(c, 1, false, FundingRateHistory));

        // Account and trade: .../account/rest-api and .../trade/rest-api
        app.MapGet("/fapi/v1/leverageBracket", c => RunAsync(c, 1, true, LeverageBrackets));
        app.MapGet("/fapi/v2/balance", c => RunAsync(c, 5, true, Balance));
        app.MapGet("/fapi/v3/balance", c => RunAsync(c, 5, true, Balance));
        app.MapGet("/fapi/v2/account", c => RunAsync(c, 5, true, r => Account(r, 2)));
        app.MapGet("/fapi/v3/account", c => RunAsync(c, 5, true, r => Account(r, 3)));
        app.MapGet("/fapi/v2/positionRisk", c => RunAsync(c, 5, true, PositionRiskV2));
        app.MapGet("/fapi/v3/positionRisk", c => RunAsync(c, 5, true, PositionRiskV3));
        app.MapPost("/fapi/v1/order", c => RunAsync(c, 0, true, NewOrder));
        app.MapGet("/fapi/v1/order", c => RunAsync(c, 1, true, QueryOrder));
        app.MapDelete("/fapi/v1/order", c => RunAsync(c, 1, true, CancelOrder));
        app.MapPost("/fapi/v1/leverage", c => RunAsync(c, 1, true, ChangeLeverage));
        app.MapPost("/fapi/v1/marginType", c => RunAsync(c, 1, true, ChangeMarginType));
    }

    /// <summary>Answers one request: faults, weight, signature check, then the handler under the book's lock.</summary>
    internal async Task RunAsync(HttpContext context, int weight, bool signed, Func<BinanceRequest, object> handler)
    {
        if (await faults.TryInjectAsync(context).ConfigureAwait(false))
        {
            return;
        }

        string body;
        using (var reader = new StreamReader(context.Request.Body))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var query = context.Request.QueryString.HasValue ? context.Request.QueryString.Value![1..] : string.Empty;
        context.Response.Headers["X-MBX-USED-WEIGHT-1M"] = stats.AddWeight(weight, wallClock.GetUtcNow()).ToString(CultureInfo.InvariantCulture);

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in QueryHelpers.ParseQuery(query).Concat(QueryHelpers.ParseQuery(body)))
        {
            parameters[key] = value.ToString();
        }

        object result;
        if (signed && Authenticate(context, query, body, parameters) is { } refused)
        {
            result = refused;
        }
        else
        {
            var account = signed ? state.Accounts[context.Request.Headers["X-MBX-APIKEY"].ToString()] : null;
            lock (state.Sync)
            {
                result = handler(new BinanceRequest(parameters, account));
            }
        }

        if (result is BinanceError error)
        {
            context.Response.StatusCode = error.Status;
            result = new { code = error.Code, msg = error.Message };
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(result, result.GetType(), Json), context.RequestAborted).ConfigureAwait(false);
    }

    // Order as Binance checks: API key, then timestamp against recvWindow, then the signature.
    private BinanceError? Authenticate(HttpContext context, string query, string body, Dictionary<string, string> parameters)
    {
        var key = context.Request.Headers["X-MBX-APIKEY"].ToString();
        if (key.Length == 0)
        {
            return BinanceError.ApiKeyFormat;
        }

        if (!state.Accounts.TryGetValue(key, out var account))
        {
            return BinanceError.InvalidApiKey;
        }

        var request = new BinanceRequest(parameters, account);
        if (!request.TryLong("timestamp", out var timestamp, out var invalid) || !request.TryLong("recvWindow", out var window, out invalid))
        {
            return invalid;
        }

        if (timestamp is not { } sent)
        {
            return BinanceError.Mandatory("timestamp");
        }

        // "if (timestamp < serverTime + 1000 && serverTime - timestamp <= recvWindow) process, else reject" (general info, timing security).
        var now = wallClock.GetUtcNow().ToUnixTimeMilliseconds();
        if (sent >= now + 1000)
        {
            return BinanceError.TimestampAhead;
        }

        if (now - sent > (window ?? DefaultRecvWindowMs))
        {
            return BinanceError.TimestampOutsideWindow;
        }

        var (payload, signature) = BinanceSignature.Payload(query, body);
        if (signature is null)
        {
            return BinanceError.Mandatory("signature");
        }

        if (!BinanceSignature.Verify(account.Secret, payload, signature))
        {
            stats.SignatureFailed();
            return BinanceError.BadSignature;
        }

        return null;
    }

    private object ExchangeInfo() => new
    {
        timezone = "UTC",
        serverTime = wallClock.GetUtcNow().ToUnixTimeMilliseconds(),
        futuresType = "U_MARGINED",
        rateLimits = new object[]
        {
            new { rateLimitType = "REQUEST_WEIGHT", interval = "MINUTE", intervalNum = 1, limit = 2400 },
            new { rateLimitType = "ORDERS", interval = "MINUTE", intervalNum = 1, limit = 1200 },
            new { rateLimitType = "ORDERS", interval = "SECOND", intervalNum = 10, limit = 300 },
        },
        exchangeFilters = Array.Empty<object>(),
        assets = new[] { new { asset = "USDT", marginAvailable = true, autoAssetExchange = "-10000" } },
        symbols = state.Instruments.Values.Select(i => new
        {
            symbol = i.Symbol,
            pair = i.Symbol,
            contractType = "PERPETUAL",
            deliveryDate = 4133404800000,
            onboardDate = 1569398400000,
            status = "TRADING",
            maintMarginPercent = "2.5000",
            requiredMarginPercent = "5.0000",
            baseAsset = i.BaseAsset,
            quoteAsset = i.QuoteAsset,
            marginAsset = i.QuoteAsset,
            pricePrecision = 2,
            quantityPrecision = 3,
            baseAssetPrecision = 8,
            quotePrecision = 8,
            underlyingType = "COIN",
            underlyingSubType = Array.Empty<string>(),
            settlePlan = 0,
            triggerProtect = "0.0500",
            liquidationFee = "0.012500",
            marketTakeBound = "0.05",
            maxMoveOrderLimit = 10000,
            filters = new object[]
            {
                new { filterType = "PRICE_FILTER", maxPrice = "4529764", minPrice = "0.10", tickSize = BinanceFormat.Plain(i.PriceTick) },
                new { filterType = "LOT_SIZE", maxQty = "1000", minQty = BinanceFormat.Plain(i.QuantityStep), stepSize = BinanceFormat.Plain(i.QuantityStep) },
                new { filterType = "MARKET_LOT_SIZE", maxQty = "120", minQty = BinanceFormat.Plain(i.QuantityStep), stepSize = BinanceFormat.Plain(i.QuantityStep) },
                new { filterType = "MAX_NUM_ORDERS", limit = 200 },
                new { filterType = "MAX_NUM_ALGO_ORDERS", limit = 10 },
                new { filterType = "MIN_NOTIONAL", notional = BinanceFormat.Plain(i.MinNotional) },
                new { filterType = "PERCENT_PRICE", multiplierUp = "1.0500", multiplierDown = "0.9500", multiplierDecimal = "4" },
            },
            orderTypes = new[] { "LIMIT", "MARKET" },
            timeInForce = new[] { "GTC", "IOC", "FOK", "GTX", "GTD" },
            permissionSet = new[] { "GRID", "COPY" },
        }).ToArray(),
    };

    // Mark and index are the data's mark (the canonical data has no separate index); lastFundingRate is the rate the
    // data charges at nextFundingTime, which is what the live estimate converges to.
    private object PremiumIndex(BinanceRequest request)
    {
        if (request.Text("symbol") is { } symbol)
        {
            return state.Instruments.ContainsKey(symbol) ? PremiumIndexOf(symbol) : BinanceError.InvalidSymbol;
        }

        return state.Instruments.Keys.Select(PremiumIndexOf).ToArray();
    }

    private object PremiumIndexOf(string symbol)
    {
        var mark = BinanceFormat.Money(state.Mark(symbol));
        var next = state.Tape.NextFundingTime(symbol, state.NowSeconds);
        var rate = next is { } t ? state.Tape.FundingAt(symbol, t) ?? 0m : 0m;
        return new
        {
            symbol,
            markPrice = mark,
            indexPrice = mark,
            estimatedSettlePrice = mark,
            lastFundingRate = BinanceFormat.Rate(rate),
            interestRate = "0.00010000",
            nextFundingTime = (next ?? 0) * 1000,
            time = state.NowMs,
        };
    }

    // GET /fapi/v1/fundingRate: ascending; without startTime/endTime the most recent `limit` rows (default 100, max 1000).
    private object FundingRateHistory(BinanceRequest request)
    {
        if (!request.TryLong("startTime", out var start, out var error) || !request.TryLong("endTime", out var end, out error) || !request.TryLong("limit", out var limit, out error))
        {
            return error!;
        }

        var take = (int)Math.Clamp(limit ?? 100, 1, 1000);
        var symbols = request.Text("symbol") is { } symbol ? [symbol] : state.Instruments.Keys.ToArray();
        if (symbols.Any(s => !state.Instruments.ContainsKey(s)))
        {
            return BinanceError.InvalidSymbol;
        }

        var to = Math.Min(state.NowSeconds, (end ?? long.MaxValue) / 1000);
        var rows = symbols
            .SelectMany(s => state.Tape.FundingBetween(s, (start ?? 0) / 1000, to).Select(r => (Symbol: s, r.Time, r.Rate)))
            .OrderBy(r => r.Time)
            .ToList();
        rows = start is null ? rows.TakeLast(take).ToList() : rows.Take(take).ToList();
        return rows.Select(r => new
        {
            symbol = r.Symbol,
            fundingRate = BinanceFormat.Rate(r.Rate),
            fundingTime = r.Time * 1000,
            markPrice = BinanceFormat.Money(state.Tape.MarkAt(r.Symbol, r.Time)),
        }).ToArray();
    }

    // One bracket per symbol carrying configs/venues/binance.yaml's maintenance margin (the simulator's single tier).
    private object LeverageBrackets(BinanceRequest request)
    {
        var symbols = request.Text("symbol") is { } symbol ? [symbol] : state.Instruments.Keys.ToArray();
        if (symbols.Any(s => !state.Instruments.ContainsKey(s)))
        {
            return BinanceError.InvalidSymbol;
        }

        return symbols.Select(s => new
        {
            symbol = s,
            notionalCoef = 1.0,
            brackets = new[]
            {
                new { bracket = 1, initialLeverage = 125, notionalCap = 1_000_000_000L, notionalFloor = 0L, maintMarginRatio = (double)state.Terms.MaintenanceMarginRate, cum = 0.0 },
            },
        }).ToArray();
    }

    private object Balance(BinanceRequest request)
    {
        var account = request.Account;
        var wallet = account.WalletOf("USDT");
        var available = BinanceFormat.Money(state.AvailableBalance(account, "USDT"));
        return new[]
        {
            new
            {
                accountAlias = "SgsR",
                asset = "USDT",
                balance = BinanceFormat.Money(wallet),
                crossWalletBalance = BinanceFormat.Money(wallet),
                crossUnPnl = BinanceFormat.Money(state.UnrealisedPnl(account)),
                availableBalance = available,
                maxWithdrawAmount = available,
                marginAvailable = true,
                updateTime = account.UpdateTimeMs,
            },
        };
    }

    private object Account(BinanceRequest request, int version)
    {
        var account = request.Account;
        var wallet = account.WalletOf("USDT");
        var unrealised = state.UnrealisedPnl(account);
        var positionMargin = state.TotalPositionInitialMargin(account);
        var orderMargin = state.OpenOrderInitialMargin(account);
        var maintenance = account.Positions.Values.Sum(state.MaintenanceMargin);
        var available = state.AvailableBalance(account, "USDT");
        var open = account.Positions.Values.Where(p => p.Size != 0).ToList();
        // V2 and V3 report the same asset fields but for marginAvailable (V2 only), in this order.
        var asset = new Dictionary<string, object>
        {
            ["asset"] = "USDT",
            ["walletBalance"] = BinanceFormat.Money(wallet),
            ["unrealizedProfit"] = BinanceFormat.Money(unrealised),
            ["marginBalance"] = BinanceFormat.Money(wallet + unrealised),
            ["maintMargin"] = BinanceFormat.Money(maintenance),
            ["initialMargin"] = BinanceFormat.Money(positionMargin + orderMargin),
            ["positionInitialMargin"] = BinanceFormat.Money(positionMargin),
            ["openOrderInitialMargin"] = BinanceFormat.Money(orderMargin),
            ["crossWalletBalance"] = BinanceFormat.Money(wallet),
            ["crossUnPnl"] = BinanceFormat.Money(unrealised),
            ["availableBalance"] = BinanceFormat.Money(available),
            ["maxWithdrawAmount"] = BinanceFormat.Money(available),
        };
        if (version == 2)
        {
            asset["marginAvailable"] = true;
        }

        asset["updateTime"] = account.UpdateTimeMs;

        // V2 lists every symbol with its leverage; V3 lists only symbols with a position, without leverage.
        object[] positions = version == 2
            ? state.Instruments.Keys.Select(s => (object)PositionV2Account(account, account.Position(s))).ToArray()
            : open.Select(p => (object)new
            {
                symbol = p.Symbol,
                positionSide = "BOTH",
                positionAmt = BinanceFormat.Quantity(state.Instruments[p.Symbol], p.Size),
                unrealizedProfit = BinanceFormat.Money(p.UnrealisedPnl(state.Mark(p.Symbol))),
                isolatedMargin = BinanceFormat.Money(IsolatedMargin(account, p)),
                notional = BinanceFormat.Money(p.Size * state.Mark(p.Symbol)),
                isolatedWallet = BinanceFormat.Money(IsolatedMargin(account, p)),
                initialMargin = BinanceFormat.Money(state.PositionInitialMargin(account, p)),
                maintMargin = BinanceFormat.Money(state.MaintenanceMargin(p)),
                updateTime = p.UpdateTimeMs,
            }).ToArray();

        var totals = new
        {
            totalInitialMargin = BinanceFormat.Money(positionMargin + orderMargin),
            totalMaintMargin = BinanceFormat.Money(maintenance),
            totalWalletBalance = BinanceFormat.Money(wallet),
            totalUnrealizedProfit = BinanceFormat.Money(unrealised),
            totalMarginBalance = BinanceFormat.Money(wallet + unrealised),
            totalPositionInitialMargin = BinanceFormat.Money(positionMargin),
            totalOpenOrderInitialMargin = BinanceFormat.Money(orderMargin),
            totalCrossWalletBalance = BinanceFormat.Money(wallet),
            totalCrossUnPnl = BinanceFormat.Money(unrealised),
            availableBalance = BinanceFormat.Money(available),
            maxWithdrawAmount = BinanceFormat.Money(available),
        };

        if (version == 3)
        {
            return new
            {
                totals.totalInitialMargin, totals.totalMaintMargin, totals.totalWalletBalance, totals.totalUnrealizedProfit,
                totals.totalMarginBalance, totals.totalPositionInitialMargin, totals.totalOpenOrderInitialMargin,
                totals.totalCrossWalletBalance, totals.totalCrossUnPnl, totals.availableBalance, totals.maxWithdrawAmount,
                assets = new[] { asset },
                positions,
            };
        }

        return new
        {
            feeTier = 0,
            feeBurn = false,
            canTrade = true,
            canDeposit = true,
            canWithdraw = true,
            updateTime = 0,
            multiAssetsMargin = false,
            tradeGroupId = -1,
            totals.totalInitialMargin, totals.totalMaintMargin, totals.totalWalletBalance, totals.totalUnrealizedProfit,
            totals.totalMarginBalance, totals.totalPositionInitialMargin, totals.totalOpenOrderInitialMargin,
            totals.totalCrossWalletBalance, totals.totalCrossUnPnl, totals.availableBalance, totals.maxWithdrawAmount,
            assets = new[] { asset },
            positions,
        };
    }

    private object PositionV2Account(SimAccount account, Position p) => new
    {
        symbol = p.Symbol,
        initialMargin = BinanceFormat.Money(state.PositionInitialMargin(account, p) + state.OpenOrderInitialMargin(account, p.Symbol)),
        maintMargin = BinanceFormat.Money(state.MaintenanceMargin(p)),
        unrealizedProfit = BinanceFormat.Money(p.UnrealisedPnl(state.Mark(p.Symbol))),
        positionInitialMargin = BinanceFormat.Money(state.PositionInitialMargin(account, p)),
        openOrderInitialMargin = BinanceFormat.Money(state.OpenOrderInitialMargin(account, p.Symbol)),
        leverage = account.LeverageOf(p.Symbol).ToString(CultureInfo.InvariantCulture),
        isolated = account.MarginModeOf(p.Symbol) is MarginMode.Isolated,
        entryPrice = BinanceFormat.EntryPrice(p.EntryPrice),
        breakEvenPrice = BinanceFormat.EntryPrice(BreakEven(p)),
        maxNotional = "1000000000",
        bidNotional = "0",
        askNotional = "0",
        positionSide = "BOTH",
        positionAmt = BinanceFormat.Quantity(state.Instruments[p.Symbol], p.Size),
        updateTime = p.UpdateTimeMs,
    };

    private object PositionRiskV2(BinanceRequest request)
    {
        var account = request.Account;
        if (SymbolsOrAll(request) is not { } symbols)
        {
            return BinanceError.InvalidSymbol;
        }

        return symbols.Select(s => account.Position(s)).Select(p => new
        {
            entryPrice = BinanceFormat.EntryPrice(p.EntryPrice),
            breakEvenPrice = BinanceFormat.EntryPrice(BreakEven(p)),
            marginType = BinanceFormat.MarginType(account.MarginModeOf(p.Symbol)),
            isAutoAddMargin = "false",
            isolatedMargin = BinanceFormat.Money(IsolatedMargin(account, p)),
            leverage = account.LeverageOf(p.Symbol).ToString(CultureInfo.InvariantCulture),
            liquidationPrice = BinanceFormat.Plain(Math.Round(LiquidationPrice(account, p), 8)),
            markPrice = BinanceFormat.Money(state.Mark(p.Symbol)),
            maxNotionalValue = "1000000000",
            positionAmt = BinanceFormat.Quantity(state.Instruments[p.Symbol], p.Size),
            notional = BinanceFormat.Plain(Math.Round(p.Size * state.Mark(p.Symbol), 8)),
            isolatedWallet = BinanceFormat.Plain(Math.Round(IsolatedMargin(account, p), 8)),
            symbol = p.Symbol,
            unRealizedProfit = BinanceFormat.Money(p.UnrealisedPnl(state.Mark(p.Symbol))),
            positionSide = "BOTH",
            updateTime = p.UpdateTimeMs,
        }).ToArray();
    }

    // V3 returns only symbols with a position or open orders.
    private object PositionRiskV3(BinanceRequest request)
    {
        var account = request.Account;
        if (SymbolsOrAll(request) is not { } symbols)
        {
            return BinanceError.InvalidSymbol;
        }

        return symbols
            .Where(s => account.Position(s).Size != 0 || account.Orders.Any(o => o.Symbol == s && o.IsOpen))
            .Select(s => account.Position(s))
            .Select(p => new
            {
                symbol = p.Symbol,
                positionSide = "BOTH",
                positionAmt = BinanceFormat.Quantity(state.Instruments[p.Symbol], p.Size),
                entryPrice = BinanceFormat.EntryPrice(p.EntryPrice),
                breakEvenPrice = BinanceFormat.EntryPrice(BreakEven(p)),
                markPrice = BinanceFormat.Money(state.Mark(p.Symbol)),
                unRealizedProfit = BinanceFormat.Money(p.UnrealisedPnl(state.Mark(p.Symbol))),
                liquidationPrice = BinanceFormat.Plain(Math.Round(LiquidationPrice(account, p), 8)),
                isolatedMargin = BinanceFormat.Money(IsolatedMargin(account, p)),
                notional = BinanceFormat.Money(p.Size * state.Mark(p.Symbol)),
                marginAsset = "USDT",
                isolatedWallet = BinanceFormat.Money(IsolatedMargin(account, p)),
                initialMargin = BinanceFormat.Money(state.PositionInitialMargin(account, p) + state.OpenOrderInitialMargin(account, p.Symbol)),
                maintMargin = BinanceFormat.Money(state.MaintenanceMargin(p)),
                positionInitialMargin = BinanceFormat.Money(state.PositionInitialMargin(account, p)),
                openOrderInitialMargin = BinanceFormat.Money(state.OpenOrderInitialMargin(account, p.Symbol)),
                adl = 0,
                bidNotional = "0",
                askNotional = "0",
                updateTime = p.UpdateTimeMs,
            }).ToArray();
    }

    private object NewOrder(BinanceRequest request)
    {
        var account = request.Account;
        if (request.OrderHead(state.Instruments, out var symbol, out var side, out var type) is { } invalid)
        {
            return invalid;
        }

        if (!request.TryDecimal("quantity", out var quantity) || quantity is null)
        {
            return BinanceError.Mandatory("quantity");
        }

        if (!request.TryDecimal("price", out var price) || (type is OrderType.Limit && price is null))
        {
            return BinanceError.Mandatory("price");
        }

        var timeInForce = request.Text("timeInForce") ?? "GTC";
        if (type is OrderType.Limit && request.Text("timeInForce") is null)
        {
            return BinanceError.Mandatory("timeInForce");
        }

        var (order, rejection) = state.PlaceOrder(
            account, symbol, side, type, quantity.Value, price, request.Text("newClientOrderId"),
            request.Text("reduceOnly") == "true", type is OrderType.Market ? "GTC" : timeInForce, faults.MarketFillFraction);
        if (rejection is Rejection.BelowMinNotional)
        {
            return BinanceError.BelowMinNotional(state.Instruments[symbol].MinNotional);
        }

        if (Refusal(rejection) is { } refused)
        {
            return refused;
        }

        // newOrderRespType: ACK (the default) answers with the order as accepted; RESULT with its state after matching.
        return request.Text("newOrderRespType") == "RESULT" ? OrderResponse(order!) : AcceptedResponse(order!);
    }

    private object QueryOrder(BinanceRequest request)
    {
        if (request.OrderKey(state.Instruments) is BinanceError error)
        {
            return error;
        }

        var order = ExchangeState.FindOrder(request.Account, request.Text("symbol")!, ParsedOrderId(request), request.Text("origClientOrderId"));
        if (order is null)
        {
            return BinanceError.OrderDoesNotExist;
        }

        var instrument = state.Instruments[order.Symbol];
        return new
        {
            avgPrice = BinanceFormat.AveragePrice(order.AveragePrice),
            clientOrderId = order.ClientOrderId,
            cumQuote = BinanceFormat.Plain(order.CumulativeQuote),
            executedQty = BinanceFormat.Quantity(instrument, order.ExecutedQuantity),
            orderId = order.OrderId,
            origQty = BinanceFormat.Quantity(instrument, order.Quantity),
            origType = BinanceFormat.Type(order.Type),
            price = BinanceFormat.Plain(order.Price),
            reduceOnly = order.ReduceOnly,
            side = BinanceFormat.Side(order.Side),
            positionSide = "BOTH",
            status = BinanceFormat.Status(order.Status),
            stopPrice = "0",
            closePosition = false,
            symbol = order.Symbol,
            time = order.TimeMs,
            timeInForce = order.TimeInForce,
            type = BinanceFormat.Type(order.Type),
            updateTime = order.UpdateTimeMs,
            workingType = "CONTRACT_PRICE",
            priceProtect = false,
            priceMatch = "NONE",
            selfTradePreventionMode = "EXPIRE_MAKER",
            goodTillDate = 0,
        };
    }

    private object CancelOrder(BinanceRequest request)
    {
        if (request.OrderKey(state.Instruments) is BinanceError error)
        {
            return error;
        }

        var (order, rejection) = state.CancelOrder(request.Account, request.Text("symbol")!, ParsedOrderId(request), request.Text("origClientOrderId"));
        return rejection is Rejection.None ? OrderResponse(order!) : BinanceError.UnknownOrderSent;
    }

    private object ChangeLeverage(BinanceRequest request)
    {
        if (request.Text("symbol") is not { } symbol)
        {
            return BinanceError.Mandatory("symbol");
        }

        if (request.Text("leverage") is not { } text)
        {
            return BinanceError.Mandatory("leverage");
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var leverage))
        {
            return BinanceError.InvalidLeverage(text);
        }

        return state.SetLeverage(request.Account, symbol, leverage) switch
        {
            Rejection.None => new { leverage, maxNotionalValue = "1000000000", symbol },
            Rejection.UnknownSymbol => BinanceError.InvalidSymbol,
            _ => BinanceError.InvalidLeverage(text),
        };
    }

    private object ChangeMarginType(BinanceRequest request)
    {
        if (request.Text("symbol") is not { } symbol)
        {
            return BinanceError.Mandatory("symbol");
        }

        MarginMode? mode = request.Text("marginType") switch { "ISOLATED" => MarginMode.Isolated, "CROSSED" => MarginMode.Cross, _ => null };
        if (mode is null)
        {
            return BinanceError.Mandatory("marginType");
        }

        return state.SetMarginMode(request.Account, symbol, mode.Value) switch
        {
            Rejection.None => new { code = 200, msg = "success" },
            Rejection.MarginModeUnchanged => BinanceError.NoNeedToChangeMarginType,
            _ => BinanceError.InvalidSymbol,
        };
    }

    private object OrderResponse(SimOrder order)
    {
        var instrument = state.Instruments[order.Symbol];
        return new
        {
            clientOrderId = order.ClientOrderId,
            cumQty = BinanceFormat.Quantity(instrument, order.ExecutedQuantity),
            cumQuote = BinanceFormat.Plain(order.CumulativeQuote),
            executedQty = BinanceFormat.Quantity(instrument, order.ExecutedQuantity),
            orderId = order.OrderId,
            avgPrice = BinanceFormat.AveragePrice(order.AveragePrice),
            origQty = BinanceFormat.Quantity(instrument, order.Quantity),
            price = BinanceFormat.Plain(order.Price),
            reduceOnly = order.ReduceOnly,
            side = BinanceFormat.Side(order.Side),
            positionSide = "BOTH",
            status = BinanceFormat.Status(order.Status),
            stopPrice = "0",
            closePosition = false,
            symbol = order.Symbol,
            timeInForce = order.TimeInForce,
            type = BinanceFormat.Type(order.Type),
            origType = BinanceFormat.Type(order.Type),
            updateTime = order.UpdateTimeMs,
            workingType = "CONTRACT_PRICE",
            priceProtect = false,
            priceMatch = "NONE",
            selfTradePreventionMode = "EXPIRE_MAKER",
            goodTillDate = 0,
        };
    }

    private object AcceptedResponse(SimOrder order)
    {
        var instrument = state.Instruments[order.Symbol];
        return new
        {
            clientOrderId = order.ClientOrderId,
            cumQty = BinanceFormat.Quantity(instrument, 0m),
            cumQuote = "0",
            executedQty = BinanceFormat.Quantity(instrument, 0m),
            orderId = order.OrderId,
            avgPrice = "0.00000",
            origQty = BinanceFormat.Quantity(instrument, order.Quantity),
            price = BinanceFormat.Plain(order.Price),
            reduceOnly = order.ReduceOnly,
            side = BinanceFormat.Side(order.Side),
            positionSide = "BOTH",
            status = "NEW",
            stopPrice = "0",
            closePosition = false,
            symbol = order.Symbol,
            timeInForce = order.TimeInForce,
            type = BinanceFormat.Type(order.Type),
            origType = BinanceFormat.Type(order.Type),
            updateTime = order.TimeMs,
            workingType = "CONTRACT_PRICE",
            priceProtect = false,
            priceMatch = "NONE",
            selfTradePreventionMode = "EXPIRE_MAKER",
            goodTillDate = 0,
        };
    }

    private static BinanceError? Refusal(Rejection rejection) => rejection switch
    {
        Rejection.None => null,
        Rejection.UnknownSymbol => BinanceError.InvalidSymbol,
        Rejection.InvalidQuantity => BinanceError.Precision,
        Rejection.InvalidPrice => BinanceError.TickSize,
        Rejection.InsufficientMargin => BinanceError.InsufficientMargin,
        Rejection.DuplicateClientOrderId => BinanceError.DuplicateClientOrderId,
        Rejection.ReduceOnlyRejected => BinanceError.ReduceOnlyRejected,
        _ => throw new InvalidOperationException($"Rejection {rejection} has no Binance error for a new order."),
    };

    private static long? ParsedOrderId(BinanceRequest request) => request.TryLong("orderId", out var id, out _) ? id : null;

    private string[]? SymbolsOrAll(BinanceRequest request) =>
        request.Text("symbol") is { } symbol ? (state.Instruments.ContainsKey(symbol) ? [symbol] : null) : state.Instruments.Keys.ToArray();

    private static decimal IsolatedMargin(SimAccount account, Position p) =>
        account.MarginModeOf(p.Symbol) is MarginMode.Isolated && p.Size != 0 ? Math.Abs(p.Size) * p.EntryPrice / account.LeverageOf(p.Symbol) : 0m;

    // Break-even includes the taker fee paid to open and to close.
    private decimal BreakEven(Position p) => p.Size == 0 ? 0m : p.EntryPrice * (1 + (Math.Sign(p.Size) * 2 * state.Terms.TakerFee));

    // Single-position cross estimate: the price where wallet + PnL falls to maintenance margin.
    private decimal LiquidationPrice(SimAccount account, Position p)
    {
        if (p.Size == 0)
        {
            return 0m;
        }

        var wallet = account.WalletOf("USDT");
        var mmr = state.Terms.MaintenanceMarginRate;
        var price = (wallet - (p.Size * p.EntryPrice)) / ((Math.Abs(p.Size) * mmr) - p.Size);
        return Math.Max(0m, price);
    }
}
