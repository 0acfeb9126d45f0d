using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Basis.ExchangeSimulator.Accounting;
using Basis.ExchangeSimulator.Faults;
using Microsoft.AspNetCore.WebUtilities;

namespace Basis.ExchangeSimulator.Bybit;

/// <summary>
/// The Bybit v5 linear and spot subset (orders with category linear or spot; spot trades settle in the unified
/// wallet, as on a unified trading account, with the fee in the coin received) and the asset endpoints (transfer, deposit address, withdrawal)
/// (https://bybit-exchange.github.io/docs/v5/intro): every answer is the envelope
/// <c>{"retCode","retMsg","result","retExtInfo","time"}</c> with HTTP 200, numbers as strings. Signed requests carry
/// X-BAPI-API-KEY / -TIMESTAMP / -RECV-WINDOW / -SIGN, the hex HMAC of timestamp + key + recvWindow + (query | raw JSON body)
/// (https://bybit-exchange.github.io/docs/v5/guide#authentication). Error codes: https://bybit-exchange.github.io/docs/v5/error
/// </summary>
internal sealed class BybitApi(ExchangeState state, SimulatorStats stats, FaultInjector faults, TimeProvider wallClock)
{
    private const long DefaultRecvWindowMs = 5000;
    private static readonly JsonSerializerOptions Json = new();

    public void Map(WebApplication app)
    {
        app.MapGet("/v5/market/time", c => RunAsync(c, false, _ => Time()));
        app.MapGet("/v5/market/instruments-info", c => RunAsync(c, false, Instruments));
        app.MapGet("/v5/market/tickers", c => RunAsync(c, false, Tickers));
        app.MapGet("/v5/market/funding/history", c => RunAsync(c, false, FundingHistory));
        app.MapGet("/v5/account/wallet-balance", c => RunAsync(c, true, WalletBalance));
        app.MapGet("/v5/position/list", c => RunAsync(c, true, Positions));
        app.MapPost("/v5/position/set-leverage", c => RunAsync(c, true, SetLeverage));
        app.MapPost("/v5/order/create", c => RunAsync(c, true, CreateOrder));
        app.MapGet("/v5/order/realtime", c => RunAsync(c, true, OpenOrders));
        app.MapGet("/v5/order/history", c => RunAsync(c, true, OrderHistory));
        app.MapPost("/v5/order/cancel", c => RunAsync(c, true, CancelOrder));
        app.MapPost("/v5/asset/transfer/inter-transfer", c => RunAsync(c, true, InterTransfer));
        app.MapGet("/v5/asset/deposit/query-address", c => RunAsync(c, true, DepositAddress));
        app.MapPost("/v5/asset/withdraw/create", c => RunAsync(c, true, Withdraw));
        app.MapGet("/v5/asset/deposit/query-record", c => RunAsync(c, true, DepositRecords));
        app.MapGet("/v5/asset/withdraw/query-record", c => RunAsync(c, true, WithdrawalRecords));
    }

    private sealed record Request(IReadOnlyDictionary<string, string> Parameters, SimAccount? SignedAccount)
    {
        public SimAccount Account => SignedAccount!;

        public string? Text(string name) => Parameters.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
    }

    private sealed record Failure(int Code, string Message);

    private async Task RunAsync(HttpContext context, bool signed, Func<Request, object> handler)
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

        stats.AddWeight(1, wallClock.GetUtcNow());
        var query = context.Request.QueryString.HasValue ? context.Request.QueryString.Value![1..] : string.Empty;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in QueryHelpers.ParseQuery(query))
        {
            parameters[key] = value.ToString();
        }

        object result;
        if (body.Length > 0 && !JsonBodyParameters.TryRead(body, parameters))
        {
            result = new Failure(10001, "params error: the body is not a JSON object");
        }
        else if (signed && Authenticate(context, context.Request.Method == "GET" ? query : body) is { } refused)
        {
            result = refused;
        }
        else
        {
            var account = signed ? state.Accounts[context.Request.Headers["X-BAPI-API-KEY"].ToString()] : null;
            lock (state.Sync)
            {
                result = handler(new Request(parameters, account));
            }
        }

        var envelope = result is Failure failure
            ? new { retCode = failure.Code, retMsg = failure.Message, result = (object)new { }, retExtInfo = new { }, time = wallClock.GetUtcNow().ToUnixTimeMilliseconds() }
            : new { retCode = 0, retMsg = "OK", result, retExtInfo = new { }, time = wallClock.GetUtcNow().ToUnixTimeMilliseconds() };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(envelope, Json), context.RequestAborted).ConfigureAwait(false);
    }

    // "server_time - recv_window <= timestamp < server_time + 1000" (authentication guide).
    private Failure? Authenticate(HttpContext context, string signedText)
    {
        var headers = context.Request.Headers;
        var key = headers["X-BAPI-API-KEY"].ToString();
        if (key.Length == 0 || !state.Accounts.TryGetValue(key, out var account))
        {
            return new Failure(10003, "API key is invalid.");
        }

        var timestampText = headers["X-BAPI-TIMESTAMP"].ToString();
        var windowText = headers["X-BAPI-RECV-WINDOW"].ToString();
        var window = windowText.Length == 0 ? DefaultRecvWindowMs : long.TryParse(windowText, NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : -1;
        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp) || window < 0)
        {
            return new Failure(10001, "params error: X-BAPI-TIMESTAMP and X-BAPI-RECV-WINDOW must be integers");
        }

        var now = wallClock.GetUtcNow().ToUnixTimeMilliseconds();
        if (timestamp < now - window || timestamp >= now + 1000)
        {
            return new Failure(10002, $"invalid request, please check your server timestamp or recv_window param. req_timestamp[{timestamp}],server_timestamp[{now}],recv_window[{window}]");
        }

        var expected = Sign(account.Secret, timestampText + key + windowText + signedText);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(headers["X-BAPI-SIGN"].ToString().ToLowerInvariant())))
        {
            stats.SignatureFailed();
            return new Failure(10004, "Error sign, please check your signature generation algorithm.");
        }

        return null;
    }

    /// <summary>Hex HMAC-SHA256 of timestamp + key + recvWindow + (query | raw JSON body).</summary>
    public static string Sign(string secret, string prehash) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(prehash)));

    private object Time()
    {
        var now = wallClock.GetUtcNow();
        return new
        {
            timeSecond = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            timeNano = (now.ToUnixTimeMilliseconds() * 1_000_000L).ToString(CultureInfo.InvariantCulture),
        };
    }

    private object Instruments(Request request)
    {
        if (request.Text("category") != "linear")
        {
            return new Failure(10001, "params error: category only supports linear here");
        }

        var list = SymbolsOrAll(request);
        return list is null ? InvalidSymbol : new
        {
            category = "linear",
            list = list.Select(s => state.Instruments[s]).Select(i => new
            {
                symbol = i.Symbol,
                contractType = "LinearPerpetual",
                status = "Trading",
                baseCoin = i.BaseAsset,
                quoteCoin = i.QuoteAsset,
                launchTime = "1585526400000",
                deliveryTime = "0",
                deliveryFeeRate = string.Empty,
                priceScale = "2",
                leverageFilter = new { minLeverage = "1", maxLeverage = "100.00", leverageStep = "0.01" },
                priceFilter = new { minPrice = Plain(i.PriceTick), maxPrice = "1999999.80", tickSize = Plain(i.PriceTick) },
                lotSizeFilter = new
                {
                    maxOrderQty = "1190.000",
                    minOrderQty = Plain(i.QuantityStep),
                    qtyStep = Plain(i.QuantityStep),
                    postOnlyMaxOrderQty = "1190.000",
                    maxMktOrderQty = "500.000",
                    minNotionalValue = Plain(i.MinNotional),
                },
                unifiedMarginTrade = true,
                fundingInterval = 480,
                settleCoin = i.QuoteAsset,
                copyTrading = "both",
                upperFundingRate = "0.005",
                lowerFundingRate = "-0.005",
            }).ToArray(),
            nextPageCursor = string.Empty,
        };
    }

    // The data has one price per hour: last, index and mark are all the data's mark.
    private object Tickers(Request request)
    {
        var list = SymbolsOrAll(request);
        return list is null ? InvalidSymbol : new
        {
            category = "linear",
            list = list.Select(s =>
            {
                var mark = Plain(state.Mark(s));
                var next = state.Tape.NextFundingTime(s, state.NowSeconds);
                var rate = next is { } t ? state.Tape.FundingAt(s, t) ?? 0m : 0m;
                return new
                {
                    symbol = s,
                    lastPrice = mark,
                    indexPrice = mark,
                    markPrice = mark,
                    fundingRate = Plain(rate),
                    nextFundingTime = ((next ?? 0) * 1000).ToString(CultureInfo.InvariantCulture),
                    openInterest = "0",
                    bid1Price = mark,
                    ask1Price = mark,
                };
            }).ToArray(),
        };
    }

    // Newest first, at most `limit` (default 200) rows up to the simulated now.
    private object FundingHistory(Request request)
    {
        if (request.Text("symbol") is not { } symbol || !state.Instruments.ContainsKey(symbol))
        {
            return InvalidSymbol;
        }

        var limit = int.TryParse(request.Text("limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 200) : 200;
        var start = long.TryParse(request.Text("startTime"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s / 1000 : 0;
        var end = long.TryParse(request.Text("endTime"), NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? Math.Min(e / 1000, state.NowSeconds) : state.NowSeconds;
        return new
        {
            category = "linear",
            list = state.Tape.FundingBetween(symbol, start, end).Reverse().Take(limit).Select(r => new
            {
                symbol,
                fundingRate = Plain(r.Rate),
                fundingRateTimestamp = (r.Time * 1000).ToString(CultureInfo.InvariantCulture),
            }).ToArray(),
        };
    }

    private object WalletBalance(Request request)
    {
        var account = request.Account;
        var wallet = account.WalletOf("USDT");
        var unrealised = state.UnrealisedPnl(account);
        var positionMargin = state.TotalPositionInitialMargin(account);
        var orderMargin = state.OpenOrderInitialMargin(account);
        var maintenance = account.Positions.Values.Sum(state.MaintenanceMargin);
        var available = state.AvailableBalance(account, "USDT");
        var realised = account.Positions.Values.Sum(p => p.RealisedPnl);
        // Spot coins bought into the unified wallet: valued at the spot price in the USD totals, not counted as
        // collateral (the margin figures are USDT's alone).
        var coins = account.Wallet.Where(c => c.Key != "USDT" && c.Value != 0).Select(c => (Coin: c.Key, Balance: c.Value, Usd: c.Value * state.SpotPrice(c.Key + "USDT"))).ToList();
        var coinsUsd = coins.Sum(c => c.Usd);
        return new
        {
            list = new[]
            {
                new
                {
                    totalEquity = Money(wallet + unrealised + coinsUsd),
                    accountIMRate = Money(wallet + unrealised == 0 ? 0 : (positionMargin + orderMargin) / (wallet + unrealised)),
                    totalMarginBalance = Money(wallet + unrealised),
                    totalInitialMargin = Money(positionMargin + orderMargin),
                    accountType = "UNIFIED",
                    totalAvailableBalance = Money(available),
                    accountMMRate = Money(wallet + unrealised == 0 ? 0 : maintenance / (wallet + unrealised)),
                    totalPerpUPL = Money(unrealised),
                    totalWalletBalance = Money(wallet + coinsUsd),
                    accountLTV = "0",
                    totalMaintenanceMargin = Money(maintenance),
                    coin = new object[]
                    {
                        new
                        {
                            availableToBorrow = string.Empty,
                            bonus = "0",
                            accruedInterest = "0",
                            availableToWithdraw = Money(available),
                            totalOrderIM = Money(orderMargin),
                            equity = Money(wallet + unrealised),
                            totalPositionMM = Money(maintenance),
                            usdValue = Money(wallet + unrealised),
                            unrealisedPnl = Money(unrealised),
                            collateralSwitch = true,
                            spotHedgingQty = "0",
                            borrowAmount = "0",
                            totalPositionIM = Money(positionMargin),
                            walletBalance = Money(wallet),
                            cumRealisedPnl = Money(realised),
                            locked = Money(state.SpotLocked(account, "USDT")),
                            marginCollateral = true,
                            coin = "USDT",
                        },
                    }.Concat(coins.Select(c => (object)new
                    {
                        availableToBorrow = string.Empty,
                        bonus = "0",
                        accruedInterest = "0",
                        availableToWithdraw = string.Empty,
                        totalOrderIM = "0",
                        equity = Money(c.Balance),
                        totalPositionMM = "0",
                        usdValue = Money(c.Usd),
                        unrealisedPnl = "0",
                        collateralSwitch = false,
                        spotHedgingQty = "0",
                        borrowAmount = "0",
                        totalPositionIM = "0",
                        walletBalance = Money(c.Balance),
                        cumRealisedPnl = "0",
                        locked = Money(state.SpotLocked(account, c.Coin)),
                        marginCollateral = false,
                        coin = c.Coin,
                    })).ToArray(),
                },
            },
        };
    }

    private object Positions(Request request)
    {
        var account = request.Account;
        var list = SymbolsOrAll(request);
        return list is null ? InvalidSymbol : new
        {
            list = list.Select(account.Position).Select(p => new
            {
                positionIdx = 0,
                riskId = 1,
                riskLimitValue = "2000000",
                symbol = p.Symbol,
                side = p.Size > 0 ? "Buy" : p.Size < 0 ? "Sell" : string.Empty,
                size = Plain(Math.Abs(p.Size)),
                avgPrice = Plain(p.EntryPrice),
                positionValue = Plain(Math.Abs(p.Size) * p.EntryPrice),
                tradeMode = account.MarginModeOf(p.Symbol) is MarginMode.Isolated ? 1 : 0,
                autoAddMargin = 0,
                positionStatus = "Normal",
                leverage = account.LeverageOf(p.Symbol).ToString(CultureInfo.InvariantCulture),
                markPrice = Plain(state.Mark(p.Symbol)),
                liqPrice = string.Empty,
                bustPrice = string.Empty,
                positionIM = Money(state.PositionInitialMargin(account, p)),
                positionMM = Money(state.MaintenanceMargin(p)),
                positionBalance = Money(state.PositionInitialMargin(account, p)),
                takeProfit = "0.00",
                stopLoss = "0.00",
                trailingStop = "0.00",
                unrealisedPnl = Money(p.UnrealisedPnl(state.Mark(p.Symbol))),
                curRealisedPnl = Money(p.RealisedPnl),
                cumRealisedPnl = Money(p.RealisedPnl),
                adlRankIndicator = p.Size == 0 ? 0 : 2,
                createdTime = p.UpdateTimeMs.ToString(CultureInfo.InvariantCulture),
                updatedTime = p.UpdateTimeMs.ToString(CultureInfo.InvariantCulture),
                seq = 1,
                isReduceOnly = false,
            }).ToArray(),
            nextPageCursor = string.Empty,
            category = "linear",
        };
    }

    private object SetLeverage(Request request)
    {
        if (request.Text("symbol") is not { } symbol || !state.Instruments.ContainsKey(symbol))
        {
            return InvalidSymbol;
        }

        // One-way mode: buy and sell leverage must be equal; Bybit's leverage may have decimals, the book keeps whole numbers.
        if (request.Text("buyLeverage") is not { } buy || buy != request.Text("sellLeverage") || !int.TryParse(buy, NumberStyles.None, CultureInfo.InvariantCulture, out var leverage))
        {
            return new Failure(10001, "params error: buyLeverage and sellLeverage must be the same whole number");
        }

        if (request.Account.LeverageOf(symbol) == leverage && request.Account.Leverage.ContainsKey(symbol))
        {
            return new Failure(110043, "Set leverage has not been modified.");
        }

        return state.SetLeverage(request.Account, symbol, leverage) is Rejection.None ? new { } : new Failure(10001, "params error: leverage invalid");
    }

    private object CreateOrder(Request request)
    {
        if (ProductOf(request) is not { } product)
        {
            return InvalidCategory;
        }

        if (request.Text("symbol") is not { } symbol || !Listed(product).ContainsKey(symbol))
        {
            return InvalidSymbol;
        }

        OrderSide? side = request.Text("side") switch { "Buy" => OrderSide.Buy, "Sell" => OrderSide.Sell, _ => null };
        OrderType? type = request.Text("orderType") switch { "Market" => OrderType.Market, "Limit" => OrderType.Limit, _ => null };
        if (side is null || type is null)
        {
            return new Failure(10001, "params error: side must be Buy or Sell and orderType Market or Limit");
        }

        if (!decimal.TryParse(request.Text("qty"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var quantity))
        {
            return new Failure(10001, "params error: qty invalid");
        }

        decimal? price = decimal.TryParse(request.Text("price"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p) ? p : null;
        var timeInForce = request.Text("timeInForce") ?? (type is OrderType.Market ? "IOC" : "GTC");
        if (product is Product.Perpetual)
        {
            var (order, rejection) = state.PlaceOrder(
                request.Account, symbol, side.Value, type.Value, quantity, price, request.Text("orderLinkId"),
                request.Text("reduceOnly") == "true", timeInForce, faults.MarketFillFraction);
            return rejection switch
            {
                Rejection.None => new { orderId = OrderId(order!), orderLinkId = order!.ClientOrderId },
                Rejection.InsufficientMargin => new Failure(110007, "ab not enough for new order"),
                Rejection.BelowMinNotional => new Failure(110094, "Order does not meet minimum order value"),
                Rejection.DuplicateClientOrderId => new Failure(110072, "OrderLinkedID is duplicate"),
                Rejection.InvalidQuantity => new Failure(10001, "params error: qty invalid"),
                Rejection.InvalidPrice => new Failure(10001, "params error: price invalid"),
                Rejection.ReduceOnlyRejected => new Failure(110017, "current position is zero, cannot fix reduce-only order qty"),
                _ => InvalidSymbol,
            };
        }

        // A spot market Buy's qty is quote coin unless marketUnit is baseCoin (a Sell's is base coin unless quoteCoin):
        // quote amounts are converted at the fill price, rounded down to the coin's precision.
        var unit = request.Text("marketUnit") ?? (side is OrderSide.Buy ? "quoteCoin" : "baseCoin");
        if (type is OrderType.Market && unit == "quoteCoin")
        {
            var step = state.SpotInstruments[symbol].QuantityStep;
            quantity = Math.Floor(quantity / state.MarketFillPrice(Product.Spot, symbol, side.Value) / step) * step;
        }

        var (spot, refusal) = state.PlaceSpotOrder(
            request.Account, symbol, side.Value, type.Value, quantity, price, request.Text("orderLinkId"), timeInForce, faults.MarketFillFraction);
        // Spot's own retCodes (170xxx); the texts other than 170131's and 170213's are ours.
        return refusal switch
        {
            Rejection.None => new { orderId = OrderId(spot!), orderLinkId = spot!.ClientOrderId },
            Rejection.InsufficientBalance => new Failure(170131, "Insufficient balance."),
            Rejection.DuplicateClientOrderId => new Failure(170141, "Duplicate clientOrderId."),
            Rejection.BelowMinNotional => new Failure(170140, "Order value exceeded lower limit."),
            Rejection.InvalidQuantity => new Failure(170137, "Order quantity has too many decimals."),
            Rejection.InvalidPrice => new Failure(170134, "Order price has too many decimals."),
            _ => InvalidSymbol,
        };
    }

    // /v5/order/realtime answers an empty list (not an error) for an order it does not know.
    private object OpenOrders(Request request)
    {
        if (ProductOf(request) is not { } product)
        {
            return InvalidCategory;
        }

        var orderId = request.Text("orderId");
        var linkId = request.Text("orderLinkId");
        var symbol = request.Text("symbol");
        var orders = request.Account.Orders
            .Where(o => o.Product == product && (symbol is null || o.Symbol == symbol) && (orderId is null || OrderId(o) == orderId) && (linkId is null || o.ClientOrderId == linkId))
            .Where(o => o.IsOpen || orderId is not null || linkId is not null)
            .ToList();
        return new { list = orders.Select(OrderView).ToArray(), nextPageCursor = string.Empty, category = request.Text("category") };
    }

    // Filled, canceled and rejected orders. https://bybit-exchange.github.io/docs/v5/order/order-list
    private object OrderHistory(Request request)
    {
        if (ProductOf(request) is not { } product)
        {
            return InvalidCategory;
        }

        var linkId = request.Text("orderLinkId");
        var symbol = request.Text("symbol");
        var orders = request.Account.Orders
            .Where(o => o.Product == product && !o.IsOpen && (symbol is null || o.Symbol == symbol) && (linkId is null || o.ClientOrderId == linkId))
            .ToList();
        return new { list = orders.Select(OrderView).ToArray(), nextPageCursor = string.Empty, category = request.Text("category") };
    }

    private object CancelOrder(Request request)
    {
        if (ProductOf(request) is not { } product)
        {
            return InvalidCategory;
        }

        if (request.Text("symbol") is not { } symbol || !Listed(product).ContainsKey(symbol))
        {
            return InvalidSymbol;
        }

        var orderId = request.Text("orderId");
        var id = orderId is not null && orderId.StartsWith(OrderIdPrefix, StringComparison.Ordinal)
            && long.TryParse(orderId[OrderIdPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : (long?)null;
        var linkId = orderId is null ? request.Text("orderLinkId") : null;
        if (orderId is null && linkId is null)
        {
            return new Failure(10001, "params error: orderId or orderLinkId is required");
        }

        var (order, rejection) = orderId is not null && id is null ? (null, Rejection.UnknownOrder) : state.CancelOrder(request.Account, symbol, id, linkId, product);
        return rejection is not Rejection.None
            ? product is Product.Spot ? new Failure(170213, "Order does not exist.") : new Failure(110001, "order not exists or too late to cancel")
            : new { orderId = OrderId(order!), orderLinkId = order!.ClientOrderId };
    }

    // FUND is the funding balance, UNIFIED the trading wallet; the other account types are not modelled.
    // https://bybit-exchange.github.io/docs/v5/asset/transfer/create-inter-transfer
    private object InterTransfer(Request request)
    {
        var (from, to) = (request.Text("fromAccountType"), request.Text("toAccountType"));
        if (request.Text("transferId") is not { } transferId || request.Text("coin") is not { } coin
            || !decimal.TryParse(request.Text("amount"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return new Failure(10001, "params error: transferId, coin and amount are required");
        }

        if (from == to)
        {
            return new Failure(131211, "fromAccountType can't be the same as toAccountType");
        }

        if (from is not ("FUND" or "UNIFIED") || to is not ("FUND" or "UNIFIED"))
        {
            return new Failure(10001, "params error: only FUND and UNIFIED transfers are simulated");
        }

        return state.Transfer(request.Account, coin, amount, toTrading: to == "UNIFIED").Rejection switch
        {
            Rejection.None => new { transferId, status = "SUCCESS" },
            Rejection.InsufficientBalance => new Failure(131212, "Insufficient balance"),
            _ => new Failure(131215, "Amount error"),
        };
    }

    // One chain per request: the one asked for (chainType), else ETH. https://bybit-exchange.github.io/docs/v5/asset/deposit/master-deposit-addr
    private object DepositAddress(Request request)
    {
        if (request.Text("coin") is not { } coin)
        {
            return new Failure(10001, "params error: coin is required");
        }

        var chain = request.Text("chainType") ?? "ETH";
        return new
        {
            coin,
            chains = new[]
            {
                new
                {
                    chainType = chain,
                    addressDeposit = state.DepositAddress(request.Account, coin, chain),
                    tagDeposit = string.Empty,
                    chain,
                    batchReleaseLimit = "-1",
                    contractAddress = string.Empty,
                },
            },
        };
    }

    // From the funding balance only (accountType FUND). https://bybit-exchange.github.io/docs/v5/asset/withdraw
    private object Withdraw(Request request)
    {
        if (request.Text("coin") is not { } coin || request.Text("chain") is not { } chain || request.Text("address") is not { } address
            || request.Text("timestamp") is null
            || !decimal.TryParse(request.Text("amount"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return new Failure(10001, "params error: coin, chain, address, amount and timestamp are required");
        }

        if (request.Text("accountType") != "FUND")
        {
            return new Failure(10001, "params error: only accountType FUND is simulated");
        }

        var (withdrawal, rejection) = state.Withdraw(request.Account, coin, chain, address, request.Text("tag"), amount, request.Text("requestId"));
        return rejection switch
        {
            Rejection.None => new { id = withdrawal!.Id.ToString(CultureInfo.InvariantCulture) },
            // As Bybit answers a funding balance short of amount and fee.
            Rejection.InsufficientBalance => new Failure(131001, "the available balance is not sufficient to cover the handling fee"),
            _ => new Failure(131096, "Withdraw amount does not satify the lower limit or upper limit"),
        };
    }

    // Deposits into the funding account (FUND, Bybit's default deposit account), newest first, one page; status 1
    // toBeConfirmed, 3 success. https://bybit-exchange.github.io/docs/v5/asset/deposit/deposit-record
    private object DepositRecords(Request request)
    {
        if (!TryWindow(request, out var start, out var end))
        {
            return new Failure(10001, "params error: startTime and endTime must be integers");
        }

        return new
        {
            rows = request.Account.Deposits
                .Where(d => (request.Text("coin") is not { } coin || d.Asset == coin) && (request.Text("txID") is not { } tx || d.TxHash == tx)
                    && d.TimeMs >= start && d.TimeMs <= end)
                .OrderByDescending(d => d.TimeMs).ThenByDescending(d => d.Id)
                .Select(d => new
                {
                    id = Number(d.Id),
                    coin = d.Asset,
                    chain = d.Chain,
                    amount = Plain(d.Amount),
                    txID = d.TxHash,
                    status = d.Credited ? 3 : 1,
                    toAddress = d.Address,
                    tag = string.Empty,
                    depositFee = string.Empty,
                    successAt = Number(d.UpdateTimeMs),
                    confirmations = Number(d.Confirmations),
                    txIndex = Number(d.LogIndex),
                    blockHash = string.Empty,
                    batchReleaseLimit = "-1",
                    depositType = "0",
                    fromAddress = string.Empty,
                })
                .ToArray(),
            nextPageCursor = string.Empty,
        };
    }

    // On-chain withdrawals (withdrawType 0), newest first, one page; status Pending until sent, BlockchainConfirmed once
    // broadcast, success at its confirmations, Fail. https://bybit-exchange.github.io/docs/v5/asset/withdraw/withdraw-record
    private object WithdrawalRecords(Request request)
    {
        if (!TryWindow(request, out var start, out var end))
        {
            return new Failure(10001, "params error: startTime and endTime must be integers");
        }

        return new
        {
            rows = request.Account.Withdrawals
                .Where(w => (request.Text("withdrawID") is not { } id || Number(w.Id) == id) && (request.Text("coin") is not { } coin || w.Asset == coin)
                    && (request.Text("txID") is not { } tx || w.TxHash == tx) && w.TimeMs >= start && w.TimeMs <= end)
                .OrderByDescending(w => w.TimeMs).ThenByDescending(w => w.Id)
                .Select(w => new
                {
                    withdrawId = Number(w.Id),
                    txID = w.TxHash ?? string.Empty,
                    withdrawType = 0,
                    coin = w.Asset,
                    chain = w.Chain,
                    amount = Plain(w.Amount),
                    withdrawFee = Plain(w.Fee),
                    status = w.State switch
                    {
                        WithdrawalState.Requested => "Pending",
                        WithdrawalState.Sent => "BlockchainConfirmed",
                        WithdrawalState.Completed => "success",
                        _ => "Fail",
                    },
                    toAddress = w.Address,
                    tag = w.Tag ?? string.Empty,
                    createTime = Number(w.TimeMs),
                    updateTime = Number(w.UpdateTimeMs),
                })
                .ToArray(),
            nextPageCursor = string.Empty,
        };
    }

    // startTime / endTime in ms, both optional (Bybit's 30-day default window is not enforced).
    private static bool TryWindow(Request request, out long start, out long end)
    {
        start = 0;
        end = long.MaxValue;
        return (request.Text("startTime") is not { } from || long.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out start))
            && (request.Text("endTime") is not { } to || long.TryParse(to, NumberStyles.None, CultureInfo.InvariantCulture, out end));
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private object OrderView(SimOrder o) => new
    {
        orderId = OrderId(o),
        orderLinkId = o.ClientOrderId,
        blockTradeId = string.Empty,
        symbol = o.Symbol,
        price = Plain(o.Price),
        qty = Plain(o.Quantity),
        side = o.Side is OrderSide.Buy ? "Buy" : "Sell",
        isLeverage = o.Product is Product.Spot ? "0" : string.Empty,
        positionIdx = 0,
        orderStatus = o.Status switch
        {
            OrderStatus.New => "New",
            OrderStatus.PartiallyFilled => o.Type is OrderType.Market ? "PartiallyFilledCanceled" : "PartiallyFilled",
            OrderStatus.Filled => "Filled",
            _ => "Cancelled",
        },
        cancelType = o.Status is OrderStatus.Canceled ? "CancelByUser" : "UNKNOWN",
        rejectReason = "EC_NoError",
        avgPrice = o.ExecutedQuantity == 0 ? string.Empty : Plain(o.AveragePrice),
        leavesQty = Plain(o.IsOpen ? o.Quantity - o.ExecutedQuantity : 0m),
        leavesValue = Plain(o.IsOpen ? (o.Quantity - o.ExecutedQuantity) * o.Price : 0m),
        cumExecQty = Plain(o.ExecutedQuantity),
        cumExecValue = Plain(o.CumulativeQuote),
        cumExecFee = Plain(o.Product is Product.Spot ? o.Fee : o.CumulativeQuote * (o.Type is OrderType.Market ? state.Terms.TakerFee : state.Terms.MakerFee)),
        // Spot reports the fee per coin (the coin received); derivatives leave it empty.
        cumFeeDetail = o.Product is Product.Spot && o.FeeAsset.Length > 0 ? new Dictionary<string, string> { [o.FeeAsset] = Plain(o.Fee) } : [],
        marketUnit = string.Empty,
        timeInForce = o.TimeInForce,
        orderType = o.Type is OrderType.Market ? "Market" : "Limit",
        stopOrderType = string.Empty,
        orderIv = string.Empty,
        triggerPrice = "0.00",
        takeProfit = "0.00",
        stopLoss = "0.00",
        tpTriggerBy = string.Empty,
        slTriggerBy = string.Empty,
        triggerDirection = 0,
        triggerBy = string.Empty,
        lastPriceOnCreated = string.Empty,
        reduceOnly = o.ReduceOnly,
        closeOnTrigger = false,
        smpType = "None",
        smpGroup = 0,
        smpOrderId = string.Empty,
        tpslMode = string.Empty,
        tpLimitPrice = string.Empty,
        slLimitPrice = string.Empty,
        placeType = string.Empty,
        createdTime = o.TimeMs.ToString(CultureInfo.InvariantCulture),
        updatedTime = o.UpdateTimeMs.ToString(CultureInfo.InvariantCulture),
    };

    private static readonly Failure InvalidSymbol = new(10001, "params error: symbol invalid");

    private static readonly Failure InvalidCategory = new(10001, "params error: category only supports linear and spot here");

    private static Product? ProductOf(Request request) =>
        request.Text("category") switch { "linear" => Product.Perpetual, "spot" => Product.Spot, _ => null };

    private IReadOnlyDictionary<string, Instrument> Listed(Product product) => product is Product.Spot ? state.SpotInstruments : state.Instruments;

    // Bybit order ids are UUIDs; the book's numeric id is kept inside one so both map back.
    private const string OrderIdPrefix = "00000000-0000-4000-8000-";

    internal static string OrderId(SimOrder order) => OrderIdPrefix + order.OrderId.ToString("D12", CultureInfo.InvariantCulture);

    private string[]? SymbolsOrAll(Request request) =>
        request.Text("symbol") is { } symbol ? (state.Instruments.ContainsKey(symbol) ? [symbol] : null) : state.Instruments.Keys.ToArray();

    private static string Plain(decimal value) => value == 0 ? "0" : value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Money(decimal value) => Plain(Math.Round(value, 8, MidpointRounding.ToEven));
}
