using Basis.ExchangeSimulator.Accounting;
using Basis.ExchangeSimulator.Faults;

namespace Basis.ExchangeSimulator.Binance;

/// <summary>
/// The Binance spot REST subset (https://developers.binance.com/docs/binance-spot-api-docs/rest-api) for BTCUSDT and
/// ETHUSDT, on the same port, signing, weights, faults and journal as the futures API (<see cref="BinanceApi"/>):
/// exchange info, account balances (free / locked), and MARKET / LIMIT orders placed, queried and canceled by
/// orderId or client order id. Spot keeps its own balances (<see cref="SimAccount.Spot"/>); commissions are taken
/// from the asset a fill brings in (commissionAsset), at the spot fees of configs/venues/binance.yaml.
/// </summary>
internal sealed class BinanceSpotApi(ExchangeState state, BinanceApi api, FaultInjector faults, TimeProvider wallClock)
{
    public void Map(WebApplication app)
    {
        // Weights as the spot docs give them (exchangeInfo 20, account 20, query order 4).
        app.MapGet("/api/v3/ping", c => api.RunAsync(c, 1, false, _ => new { }));
        app.MapGet("/api/v3/time", c => api.RunAsync(c, 1, false, _ => new { serverTime = wallClock.GetUtcNow().ToUnixTimeMilliseconds() }));
        app.MapGet("/api/v3/exchangeInfo", c => api.RunAsync(c, 20, false, ExchangeInfo));
        app.MapGet("/api/v3/account", c => api.RunAsync(c, 20, true, Account));
        app.MapPost("/api/v3/order", c => api.RunAsync(c, 1, true, NewOrder));
        app.MapGet("/api/v3/order", c => api.RunAsync(c, 4, true, QueryOrder));
        app.MapDelete("/api/v3/order", c => api.RunAsync(c, 1, true, CancelOrder));
    }

    private object ExchangeInfo(BinanceRequest request)
    {
        var asked = request.Text("symbol") is { } one ? [one] : state.SpotInstruments.Keys.ToArray();
        if (asked.Any(s => !state.SpotInstruments.ContainsKey(s)))
        {
            return BinanceError.InvalidSymbol;
        }

        return new
        {
            timezone = "UTC",
            serverTime = wallClock.GetUtcNow().ToUnixTimeMilliseconds(),
            rateLimits = new object[]
            {
                new { rateLimitType = "REQUEST_WEIGHT", interval = "MINUTE", intervalNum = 1, limit = 6000 },
                new { rateLimitType = "ORDERS", interval = "SECOND", intervalNum = 10, limit = 100 },
                new { rateLimitType = "ORDERS", interval = "DAY", intervalNum = 1, limit = 200000 },
            },
            exchangeFilters = Array.Empty<object>(),
            symbols = asked.Select(s => state.SpotInstruments[s]).Select(i => new
            {
                symbol = i.Symbol,
                status = "TRADING",
                baseAsset = i.BaseAsset,
                baseAssetPrecision = 8,
                quoteAsset = i.QuoteAsset,
                quotePrecision = 8,
                quoteAssetPrecision = 8,
                baseCommissionPrecision = 8,
                quoteCommissionPrecision = 8,
                orderTypes = new[] { "LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT" },
                icebergAllowed = true,
                ocoAllowed = true,
                otoAllowed = true,
                quoteOrderQtyMarketAllowed = true,
                allowTrailingStop = true,
                cancelReplaceAllowed = true,
                amendAllowed = true,
                isSpotTradingAllowed = true,
                isMarginTradingAllowed = true,
                filters = new object[]
                {
                    new { filterType = "PRICE_FILTER", minPrice = BinanceFormat.Money(i.PriceTick), maxPrice = "1000000.00000000", tickSize = BinanceFormat.Money(i.PriceTick) },
                    new { filterType = "LOT_SIZE", minQty = BinanceFormat.Money(i.QuantityStep), maxQty = "9000.00000000", stepSize = BinanceFormat.Money(i.QuantityStep) },
                    new { filterType = "MARKET_LOT_SIZE", minQty = "0.00000000", maxQty = "100.00000000", stepSize = "0.00000000" },
                    new
                    {
                        filterType = "NOTIONAL", minNotional = BinanceFormat.Money(i.MinNotional), applyMinToMarket = true,
                        maxNotional = "9000000.00000000", applyMaxToMarket = false, avgPriceMins = 5,
                    },
                    new { filterType = "MAX_NUM_ORDERS", maxNumOrders = 200 },
                },
                permissions = Array.Empty<string>(),
                permissionSets = new[] { new[] { "SPOT", "MARGIN" } },
                defaultSelfTradePreventionMode = "EXPIRE_MAKER",
                allowedSelfTradePreventionModes = new[] { "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH" },
            }).ToArray(),
        };
    }

    // omitZeroBalances=true leaves out assets with neither free nor locked balance; otherwise the traded assets are
    // always listed, as Binance lists every asset.
    private object Account(BinanceRequest request)
    {
        var account = request.Account;
        var assets = state.SpotInstruments.Values.SelectMany(i => new[] { i.QuoteAsset, i.BaseAsset }).Concat(account.Spot.Keys).Distinct(StringComparer.Ordinal);
        var balances = assets
            .Select(asset => (asset, Locked: state.SpotLocked(account, asset), Total: account.Spot.GetValueOrDefault(asset)))
            .Where(b => request.Text("omitZeroBalances") != "true" || b.Total != 0)
            .Select(b => new { asset = b.asset, free = BinanceFormat.Money(b.Total - b.Locked), locked = BinanceFormat.Money(b.Locked) })
            .ToArray();
        var (maker, taker) = state.Terms.Fees(Product.Spot);
        return new
        {
            makerCommission = (int)(maker * 10_000m),
            takerCommission = (int)(taker * 10_000m),
            buyerCommission = 0,
            sellerCommission = 0,
            commissionRates = new { maker = BinanceFormat.Money(maker), taker = BinanceFormat.Money(taker), buyer = "0.00000000", seller = "0.00000000" },
            canTrade = true,
            canWithdraw = true,
            canDeposit = true,
            brokered = false,
            requireSelfTradePrevention = false,
            preventSor = false,
            updateTime = account.UpdateTimeMs,
            accountType = "SPOT",
            balances,
            permissions = new[] { "SPOT" },
            uid = 354937868,
        };
    }

    private object NewOrder(BinanceRequest request)
    {
        if (request.OrderHead(state.SpotInstruments, out var symbol, out var side, out var type) is { } invalid)
        {
            return invalid;
        }

        var instrument = state.SpotInstruments[symbol];

        // A MARKET order names its size as quantity (base) or quoteOrderQty (quote to spend or receive, converted at
        // the fill price and rounded down to the lot).
        decimal? quantity;
        if (type is OrderType.Market && request.Text("quantity") is null && request.TryDecimal("quoteOrderQty", out var quote) && quote is { } spend)
        {
            var price = state.MarketFillPrice(Product.Spot, symbol, side);
            quantity = Math.Floor(spend / price / instrument.QuantityStep) * instrument.QuantityStep;
        }
        else if (!request.TryDecimal("quantity", out quantity) || quantity is null)
        {
            return BinanceError.Mandatory("quantity");
        }

        if (!request.TryDecimal("price", out var limit) || (type is OrderType.Limit && limit is null))
        {
            return BinanceError.Mandatory("price");
        }

        if (type is OrderType.Limit && request.Text("timeInForce") is null)
        {
            return BinanceError.Mandatory("timeInForce");
        }

        var (order, rejection) = state.PlaceSpotOrder(
            request.Account, symbol, side, type, quantity.Value, limit, request.Text("newClientOrderId") ?? NewClientOrderId(),
            type is OrderType.Market ? "GTC" : request.Text("timeInForce")!, faults.MarketFillFraction);
        if (rejection switch
            {
                Rejection.None => null,
                Rejection.InsufficientBalance => BinanceError.SpotInsufficientBalance,
                Rejection.DuplicateClientOrderId => BinanceError.SpotDuplicateOrder,
                Rejection.InvalidQuantity => BinanceError.SpotLotSize,
                Rejection.InvalidPrice => BinanceError.SpotPriceFilter,
                Rejection.BelowMinNotional => BinanceError.SpotNotional,
                _ => BinanceError.InvalidSymbol,
            } is { } refused)
        {
            return refused;
        }

        // newOrderRespType: MARKET and LIMIT orders answer FULL unless ACK or RESULT is asked for.
        return request.Text("newOrderRespType") switch
        {
            "ACK" => new { symbol, orderId = order!.OrderId, orderListId = -1, clientOrderId = order.ClientOrderId, transactTime = order.TimeMs },
            "RESULT" => OrderView(order!, full: false),
            _ => OrderView(order!, full: true),
        };
    }

    private object QueryOrder(BinanceRequest request)
    {
        if (request.OrderKey(state.SpotInstruments) is { } error)
        {
            return error;
        }

        var order = ExchangeState.FindOrder(
            request.Account, request.Text("symbol")!, OrderId(request), request.Text("origClientOrderId"), Product.Spot);
        if (order is null)
        {
            return BinanceError.OrderDoesNotExist;
        }

        return new
        {
            symbol = order.Symbol,
            orderId = order.OrderId,
            orderListId = -1,
            clientOrderId = order.ClientOrderId,
            price = BinanceFormat.Money(order.Price),
            origQty = BinanceFormat.Money(order.Quantity),
            executedQty = BinanceFormat.Money(order.ExecutedQuantity),
            cummulativeQuoteQty = BinanceFormat.Money(order.CumulativeQuote),
            status = Status(order),
            timeInForce = order.TimeInForce,
            type = BinanceFormat.Type(order.Type),
            side = BinanceFormat.Side(order.Side),
            stopPrice = "0.00000000",
            icebergQty = "0.00000000",
            time = order.TimeMs,
            updateTime = order.UpdateTimeMs,
            isWorking = true,
            workingTime = order.TimeMs,
            origQuoteOrderQty = "0.00000000",
            selfTradePreventionMode = "EXPIRE_MAKER",
        };
    }

    // The answer's clientOrderId is the cancel request's own id (newClientOrderId, else one made up); the order's is
    // origClientOrderId.
    private object CancelOrder(BinanceRequest request)
    {
        if (request.OrderKey(state.SpotInstruments) is { } error)
        {
            return error;
        }

        var (order, rejection) = state.CancelOrder(
            request.Account, request.Text("symbol")!, OrderId(request), request.Text("origClientOrderId"), Product.Spot);
        if (rejection is not Rejection.None)
        {
            return BinanceError.UnknownOrderSent;
        }

        return new
        {
            symbol = order!.Symbol,
            origClientOrderId = order.ClientOrderId,
            orderId = order.OrderId,
            orderListId = -1,
            clientOrderId = request.Text("newClientOrderId") ?? NewClientOrderId(),
            transactTime = state.NowMs,
            price = BinanceFormat.Money(order.Price),
            origQty = BinanceFormat.Money(order.Quantity),
            executedQty = BinanceFormat.Money(order.ExecutedQuantity),
            cummulativeQuoteQty = BinanceFormat.Money(order.CumulativeQuote),
            status = Status(order),
            timeInForce = order.TimeInForce,
            type = BinanceFormat.Type(order.Type),
            side = BinanceFormat.Side(order.Side),
            selfTradePreventionMode = "EXPIRE_MAKER",
        };
    }

    // A fill's commission is charged in the asset it brought in; the simulator fills an order in one trade.
    private static object OrderView(SimOrder order, bool full)
    {
        var view = new Dictionary<string, object>
        {
            ["symbol"] = order.Symbol,
            ["orderId"] = order.OrderId,
            ["orderListId"] = -1,
            ["clientOrderId"] = order.ClientOrderId,
            ["transactTime"] = order.TimeMs,
            ["price"] = BinanceFormat.Money(order.Price),
            ["origQty"] = BinanceFormat.Money(order.Quantity),
            ["executedQty"] = BinanceFormat.Money(order.ExecutedQuantity),
            ["origQuoteOrderQty"] = "0.00000000",
            ["cummulativeQuoteQty"] = BinanceFormat.Money(order.CumulativeQuote),
            ["status"] = Status(order),
            ["timeInForce"] = order.TimeInForce,
            ["type"] = BinanceFormat.Type(order.Type),
            ["side"] = BinanceFormat.Side(order.Side),
            ["workingTime"] = order.TimeMs,
            ["selfTradePreventionMode"] = "EXPIRE_MAKER",
        };
        if (full)
        {
            view["fills"] = order.ExecutedQuantity == 0
                ? Array.Empty<object>()
                :
                [
                    new
                    {
                        price = BinanceFormat.Money(order.AveragePrice),
                        qty = BinanceFormat.Money(order.ExecutedQuantity),
                        commission = BinanceFormat.Money(order.Fee),
                        commissionAsset = order.FeeAsset,
                        tradeId = order.OrderId,
                    },
                ];
        }

        return view;
    }

    // A market order only part filled (a fault's partial fill) has expired: spot market orders never rest.
    private static string Status(SimOrder order) =>
        order.Type is OrderType.Market && order.Status is OrderStatus.PartiallyFilled ? "EXPIRED" : BinanceFormat.Status(order.Status);

    private static long? OrderId(BinanceRequest request) => request.TryLong("orderId", out var id, out _) ? id : null;

    // Binance makes up a 22-character id when none is sent.
    private static string NewClientOrderId() => Convert.ToBase64String(Guid.NewGuid().ToByteArray())[..22].Replace('+', 'x').Replace('/', 'y');
}
