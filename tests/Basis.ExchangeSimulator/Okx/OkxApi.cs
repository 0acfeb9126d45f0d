using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Basis.ExchangeSimulator.Accounting;
using Basis.ExchangeSimulator.Faults;
using Microsoft.AspNetCore.WebUtilities;

namespace Basis.ExchangeSimulator.Okx;

/// <summary>
/// The OKX v5 SWAP and SPOT subset (spot: instId BTC-USDT, tdMode cash, sizes in base units, settled in the trading
/// account as OKX's unified account does, with the fee in the currency received) and the funding account's transfer, deposit address and withdrawal
/// (https://www.okx.com/docs-v5/en/): answers are <c>{"code":"0","msg":"","data":[...]}</c>,
/// numbers as strings, sizes in contracts (ctVal base units each). Signed requests carry OK-ACCESS-KEY / -SIGN /
/// -TIMESTAMP / -PASSPHRASE; the sign is base64 HMAC-SHA256 of ISO timestamp + METHOD + path?query + body, and a
/// request older than 30 s has expired (REST authentication). Error codes: https://www.okx.com/docs-v5/en/#error-code
/// </summary>
internal sealed class OkxApi(ExchangeState state, SimulatorStats stats, FaultInjector faults, TimeProvider wallClock)
{
    private static readonly TimeSpan Expiry = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions Json = new();

    // Contract value in base units per instrument (BTC-USDT-SWAP 0.01 BTC, ETH-USDT-SWAP 0.1 ETH).
    internal static readonly Dictionary<string, decimal> ContractValue = new(StringComparer.Ordinal) { ["BTCUSDT"] = 0.01m, ["ETHUSDT"] = 0.1m };

    public void Map(WebApplication app)
    {
        app.MapGet("/api/v5/public/time", c => RunAsync(c, false, _ => new[] { new { ts = Ms(wallClock.GetUtcNow().ToUnixTimeMilliseconds()) } }));
        app.MapGet("/api/v5/public/instruments", c => RunAsync(c, false, Instruments));
        app.MapGet("/api/v5/public/mark-price", c => RunAsync(c, false, MarkPrice));
        app.MapGet("/api/v5/public/funding-rate", c => RunAsync(c, false, FundingRate));
        app.MapGet("/api/v5/public/funding-rate-history", c => RunAsync(c, false, FundingRateHistory));
        app.MapGet("/api/v5/account/balance", c => RunAsync(c, true, Balance));
        app.MapGet("/api/v5/account/positions", c => RunAsync(c, true, Positions));
        app.MapPost("/api/v5/account/set-leverage", c => RunAsync(c, true, SetLeverage));
        app.MapPost("/api/v5/trade/order", c => RunAsync(c, true, PlaceOrder));
        app.MapGet("/api/v5/trade/order", c => RunAsync(c, true, GetOrder));
        app.MapPost("/api/v5/trade/cancel-order", c => RunAsync(c, true, CancelOrder));
        app.MapPost("/api/v5/asset/transfer", c => RunAsync(c, true, Transfer));
        app.MapGet("/api/v5/asset/deposit-address", c => RunAsync(c, true, DepositAddress));
        app.MapPost("/api/v5/asset/withdrawal", c => RunAsync(c, true, Withdraw));
        app.MapGet("/api/v5/asset/deposit-history", c => RunAsync(c, true, DepositHistory));
        app.MapGet("/api/v5/asset/withdrawal-history", c => RunAsync(c, true, WithdrawalHistory));
    }

    private sealed record Request(IReadOnlyDictionary<string, string> Parameters, SimAccount? SignedAccount)
    {
        public SimAccount Account => SignedAccount!;

        public string? Text(string name) => Parameters.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
    }

    /// <summary>An error answer: top-level code and msg, HTTP status, and for trade endpoints the per-order sCode/sMsg in data.</summary>
    private sealed record Failure(int Status, string Code, string Message, object[]? Data = null);

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
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in QueryHelpers.ParseQuery(context.Request.QueryString.Value))
        {
            parameters[key] = value.ToString();
        }

        object result;
        if (body.Length > 0 && !JsonBodyParameters.TryRead(body, parameters))
        {
            result = new Failure(400, "50002", "Json data format error");
        }
        else if (signed && Authenticate(context, body) is { } refused)
        {
            result = refused;
        }
        else
        {
            var account = signed ? state.Accounts[context.Request.Headers["OK-ACCESS-KEY"].ToString()] : null;
            lock (state.Sync)
            {
                result = handler(new Request(parameters, account));
            }
        }

        object envelope = result is Failure failure
            ? new { code = failure.Code, msg = failure.Message, data = failure.Data ?? [] }
            : new { code = "0", msg = string.Empty, data = result };
        context.Response.StatusCode = result is Failure f ? f.Status : 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(envelope, Json), context.RequestAborted).ConfigureAwait(false);
    }

    private Failure? Authenticate(HttpContext context, string body)
    {
        var headers = context.Request.Headers;
        if (!state.Accounts.TryGetValue(headers["OK-ACCESS-KEY"].ToString(), out var account))
        {
            return new Failure(401, "50111", "Invalid OK-ACCESS-KEY");
        }

        if (headers["OK-ACCESS-PASSPHRASE"].ToString() != account.Passphrase || account.Passphrase.Length == 0)
        {
            return new Failure(401, "50105", "Invalid OK-ACCESS-PASSPHRASE");
        }

        var timestamp = headers["OK-ACCESS-TIMESTAMP"].ToString();
        if (!DateTimeOffset.TryParseExact(timestamp, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent))
        {
            return new Failure(401, "50112", "Invalid OK-ACCESS-TIMESTAMP");
        }

        if (wallClock.GetUtcNow() - sent > Expiry)
        {
            return new Failure(401, "50102", "Timestamp request expired");
        }

        var prehash = timestamp + context.Request.Method + context.Request.Path + context.Request.QueryString + body;
        var expected = Sign(account.Secret, prehash);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(headers["OK-ACCESS-SIGN"].ToString())))
        {
            stats.SignatureFailed();
            return new Failure(401, "50113", "Invalid Sign");
        }

        return null;
    }

    /// <summary>Base64 HMAC-SHA256 of ISO timestamp + METHOD + path?query + body.</summary>
    public static string Sign(string secret, string prehash) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(prehash)));

    private object Instruments(Request request)
    {
        if (request.Text("instType") == "SPOT")
        {
            return SpotInstruments(request);
        }

        if (request.Text("instType") != "SWAP")
        {
            return new Failure(400, "51000", "Parameter instType error");
        }

        return Symbols(request) is not { } symbols ? InstrumentMissing : symbols.Select(s => state.Instruments[s]).Select(i => new
        {
            instType = "SWAP",
            instId = InstId(i.Symbol),
            uly = $"{i.BaseAsset}-{i.QuoteAsset}",
            instFamily = $"{i.BaseAsset}-{i.QuoteAsset}",
            baseCcy = string.Empty,
            quoteCcy = string.Empty,
            settleCcy = i.QuoteAsset,
            ctVal = Plain(ContractValue[i.Symbol]),
            ctMult = "1",
            ctValCcy = i.BaseAsset,
            optType = string.Empty,
            stk = string.Empty,
            listTime = "1611916800000",
            expTime = string.Empty,
            lever = "100",
            tickSz = Plain(i.PriceTick),
            lotSz = "0.01",
            minSz = "0.01",
            ctType = "linear",
            state = "live",
            maxLmtSz = "100000000",
            maxMktSz = "12000",
        }).ToArray();
    }

    private object SpotInstruments(Request request)
    {
        var asked = request.Text("instId") is { } instId ? (SpotSymbol(instId) is { } one ? [one] : null) : state.SpotInstruments.Keys.ToArray();
        return asked is null ? InstrumentMissing : asked.Select(s => state.SpotInstruments[s]).Select(i => new
        {
            instType = "SPOT",
            instId = $"{i.BaseAsset}-{i.QuoteAsset}",
            uly = string.Empty,
            instFamily = string.Empty,
            baseCcy = i.BaseAsset,
            quoteCcy = i.QuoteAsset,
            settleCcy = string.Empty,
            ctVal = string.Empty,
            ctMult = string.Empty,
            ctValCcy = string.Empty,
            listTime = "1611916800000",
            lever = "10",
            tickSz = Plain(i.PriceTick),
            lotSz = Plain(i.QuantityStep),
            minSz = Plain(i.QuantityStep),
            ctType = string.Empty,
            state = "live",
            maxLmtSz = "9999999999",
            maxMktSz = "1000000",
        }).ToArray();
    }

    private object MarkPrice(Request request) =>
        Symbols(request) is not { } symbols ? InstrumentMissing : symbols.Select(s => new
        {
            instType = "SWAP",
            instId = InstId(s),
            markPx = Plain(state.Mark(s)),
            ts = Ms(state.NowMs),
        }).ToArray();

    // fundingRate is the rate settled at fundingTime (the next settlement); the data's row at that time is what it converges to.
    private object FundingRate(Request request)
    {
        if (request.Text("instId") is not { } instId || Symbol(instId) is not { } symbol)
        {
            return InstrumentMissing;
        }

        var next = state.Tape.NextFundingTime(symbol, state.NowSeconds);
        var after = next is { } n ? state.Tape.NextFundingTime(symbol, n) : null;
        return new[]
        {
            new
            {
                instType = "SWAP",
                instId,
                method = "current_period",
                fundingRate = Plain(next is { } t ? state.Tape.FundingAt(symbol, t) ?? 0m : 0m),
                fundingTime = Ms((next ?? 0) * 1000),
                nextFundingRate = string.Empty,
                nextFundingTime = Ms((after ?? 0) * 1000),
                ts = Ms(state.NowMs),
            },
        };
    }

    // Newest first, at most `limit` (default 100) settled rows.
    private object FundingRateHistory(Request request)
    {
        if (request.Text("instId") is not { } instId || Symbol(instId) is not { } symbol)
        {
            return InstrumentMissing;
        }

        var limit = int.TryParse(request.Text("limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 100) : 100;
        return state.Tape.FundingBetween(symbol, 0, state.NowSeconds).Reverse().Take(limit).Select(r => new
        {
            instType = "SWAP",
            instId,
            fundingRate = Plain(r.Rate),
            realizedRate = Plain(r.Rate),
            fundingTime = Ms(r.Time * 1000),
            method = "current_period",
        }).ToArray();
    }

    // Spot currencies bought into the trading account are listed beside USDT, valued at the spot price in totalEq and
    // eqUsd, and not counted as collateral (the margin figures are USDT's alone).
    private object Balance(Request request)
    {
        var account = request.Account;
        var wallet = account.WalletOf("USDT");
        var unrealised = state.UnrealisedPnl(account);
        var spotFrozen = state.SpotLocked(account, "USDT");
        var initial = state.TotalPositionInitialMargin(account) + state.OpenOrderInitialMargin(account);
        var maintenance = account.Positions.Values.Sum(state.MaintenanceMargin);
        var available = state.AvailableBalance(account, "USDT");
        var equity = wallet + unrealised;
        var coins = account.Wallet.Where(c => c.Key != "USDT" && c.Value != 0).Select(c => (Ccy: c.Key, Balance: c.Value, Usd: c.Value * state.SpotPrice(c.Key + "USDT"))).ToList();
        return new[]
        {
            new
            {
                totalEq = Money(equity + coins.Sum(c => c.Usd)),
                adjEq = Money(equity),
                isoEq = "0",
                ordFroz = Money(state.OpenOrderInitialMargin(account)),
                imr = Money(initial),
                mmr = Money(maintenance),
                mgnRatio = maintenance == 0 ? string.Empty : Money(equity / maintenance),
                notionalUsd = Money(account.Positions.Values.Sum(p => Math.Abs(p.Size) * state.Mark(p.Symbol))),
                uTime = Ms(account.UpdateTimeMs),
                details = new[]
                {
                    new
                    {
                        ccy = "USDT",
                        eq = Money(equity),
                        cashBal = Money(wallet),
                        availBal = Money(available),
                        availEq = Money(available),
                        frozenBal = Money(initial + spotFrozen),
                        ordFrozen = Money(state.OpenOrderInitialMargin(account) + spotFrozen),
                        upl = Money(unrealised),
                        imr = Money(initial),
                        mmr = Money(maintenance),
                        isoEq = "0",
                        eqUsd = Money(equity),
                        uTime = Ms(account.UpdateTimeMs),
                    },
                }.Concat(coins.Select(c => new
                {
                    ccy = c.Ccy,
                    eq = Money(c.Balance),
                    cashBal = Money(c.Balance),
                    availBal = Money(state.SpotAvailable(account, c.Ccy)),
                    availEq = Money(state.SpotAvailable(account, c.Ccy)),
                    frozenBal = Money(state.SpotLocked(account, c.Ccy)),
                    ordFrozen = Money(state.SpotLocked(account, c.Ccy)),
                    upl = "0",
                    imr = "0",
                    mmr = "0",
                    isoEq = "0",
                    eqUsd = Money(c.Usd),
                    uTime = Ms(account.UpdateTimeMs),
                })).ToArray(),
            },
        };
    }

    // Net mode: pos is signed contracts; only open positions are listed.
    private object Positions(Request request)
    {
        var account = request.Account;
        if (Symbols(request) is not { } symbols)
        {
            return InstrumentMissing;
        }

        return symbols.Select(account.Position).Where(p => p.Size != 0).Select(p => new
        {
            instType = "SWAP",
            instId = InstId(p.Symbol),
            mgnMode = account.MarginModeOf(p.Symbol) is MarginMode.Isolated ? "isolated" : "cross",
            posId = Ms(state.Instruments.Keys.ToList().IndexOf(p.Symbol) + 1),
            posSide = "net",
            pos = Plain(p.Size / ContractValue[p.Symbol]),
            ccy = "USDT",
            posCcy = string.Empty,
            avgPx = Plain(p.EntryPrice),
            markPx = Plain(state.Mark(p.Symbol)),
            upl = Money(p.UnrealisedPnl(state.Mark(p.Symbol))),
            lever = account.LeverageOf(p.Symbol).ToString(CultureInfo.InvariantCulture),
            liqPx = string.Empty,
            imr = Money(state.PositionInitialMargin(account, p)),
            mmr = Money(state.MaintenanceMargin(p)),
            margin = string.Empty,
            notionalUsd = Money(Math.Abs(p.Size) * state.Mark(p.Symbol)),
            realizedPnl = Money(p.RealisedPnl),
            fundingFee = Money(account.FundingReceived.GetValueOrDefault(p.Symbol)),
            cTime = Ms(p.UpdateTimeMs),
            uTime = Ms(p.UpdateTimeMs),
        }).ToArray();
    }

    private object SetLeverage(Request request)
    {
        if (request.Text("instId") is not { } instId || Symbol(instId) is not { } symbol)
        {
            return InstrumentMissing;
        }

        var mode = request.Text("mgnMode");
        if (mode is not ("cross" or "isolated") || !int.TryParse(request.Text("lever"), NumberStyles.None, CultureInfo.InvariantCulture, out var lever))
        {
            return new Failure(400, "51000", "Parameter lever error");
        }

        if (state.SetLeverage(request.Account, symbol, lever) is not Rejection.None)
        {
            return new Failure(400, "51000", "Parameter lever error");
        }

        state.SetMarginMode(request.Account, symbol, mode == "isolated" ? MarginMode.Isolated : MarginMode.Cross);
        return new[] { new { lever = lever.ToString(CultureInfo.InvariantCulture), mgnMode = mode, instId, posSide = "net" } };
    }

    private object PlaceOrder(Request request)
    {
        var clOrdId = request.Text("clOrdId") ?? string.Empty;
        if (request.Text("instId") is { } spotId && SpotSymbol(spotId) is { } spotSymbol)
        {
            return PlaceSpotOrder(request, spotSymbol, clOrdId);
        }

        if (request.Text("instId") is not { } instId || Symbol(instId) is not { } symbol)
        {
            return OrderFailure(clOrdId, "51001", "Instrument ID does not exist");
        }

        if (OrderTerms(request) is not var (side, type, contracts, price))
        {
            return OrderFailure(clOrdId, "51000", "Parameter side, ordType or sz error");
        }

        var (order, rejection) = state.PlaceOrder(
            request.Account, symbol, side, type, contracts * ContractValue[symbol], price, request.Text("clOrdId"),
            request.Text("reduceOnly") == "true", "GTC", faults.MarketFillFraction);
        return rejection switch
        {
            Rejection.None => Placed(order!),
            Rejection.InsufficientMargin => OrderFailure(clOrdId, "51008", "Order failed. Insufficient USDT margin in account"),
            Rejection.DuplicateClientOrderId => OrderFailure(clOrdId, "51016", "Duplicated clOrdId"),
            Rejection.InvalidQuantity => OrderFailure(clOrdId, "51121", "Order quantity must be a multiple of the lot size."),
            Rejection.InvalidPrice => OrderFailure(clOrdId, "51000", "Parameter px error"),
            _ => OrderFailure(clOrdId, "51169", "Order failed because you don't have any positions in this direction for this contract to reduce or close."),
        };
    }

    // Spot in the trading account trades with tdMode cash. A market buy's sz is quote currency unless tgtCcy is
    // base_ccy (a market sell's base unless quote_ccy): quote amounts are converted at the fill price, rounded down.
    private object PlaceSpotOrder(Request request, string symbol, string clOrdId)
    {
        if (request.Text("tdMode") != "cash")
        {
            return OrderFailure(clOrdId, "51000", "Parameter tdMode error");
        }

        if (OrderTerms(request) is not var (side, type, size, price))
        {
            return OrderFailure(clOrdId, "51000", "Parameter side, ordType or sz error");
        }

        var instrument = state.SpotInstruments[symbol];
        if (type is OrderType.Market && (request.Text("tgtCcy") ?? (side is OrderSide.Buy ? "quote_ccy" : "base_ccy")) == "quote_ccy")
        {
            size = Math.Floor(size / state.MarketFillPrice(Product.Spot, symbol, side) / instrument.QuantityStep) * instrument.QuantityStep;
        }

        var (order, rejection) = state.PlaceSpotOrder(
            request.Account, symbol, side, type, size, price, request.Text("clOrdId"), "GTC", faults.MarketFillFraction);
        var spends = side is OrderSide.Buy ? instrument.QuoteAsset : instrument.BaseAsset;
        return rejection switch
        {
            Rejection.None => Placed(order!),
            Rejection.InsufficientBalance => OrderFailure(clOrdId, "51008", $"Order failed. Insufficient {spends} balance in account."),
            Rejection.DuplicateClientOrderId => OrderFailure(clOrdId, "51016", "Duplicated clOrdId"),
            Rejection.InvalidQuantity => OrderFailure(clOrdId, "51121", "Order quantity must be a multiple of the lot size."),
            _ => OrderFailure(clOrdId, "51000", "Parameter px error"),
        };
    }

    private static (OrderSide Side, OrderType Type, decimal Size, decimal? Price)? OrderTerms(Request request)
    {
        OrderSide? side = request.Text("side") switch { "buy" => OrderSide.Buy, "sell" => OrderSide.Sell, _ => null };
        OrderType? type = request.Text("ordType") switch { "market" => OrderType.Market, "limit" => OrderType.Limit, _ => null };
        if (side is null || type is null || !decimal.TryParse(request.Text("sz"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var size))
        {
            return null;
        }

        decimal? price = decimal.TryParse(request.Text("px"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var px) ? px : null;
        return (side.Value, type.Value, size, price);
    }

    private static object Placed(SimOrder order) =>
        new[] { new { clOrdId = order.ClientOrderId, ordId = Ms(order.OrderId), tag = string.Empty, ts = Ms(order.TimeMs), sCode = "0", sMsg = "Order placed" } };

    private object GetOrder(Request request)
    {
        if (Resolve(request.Text("instId")) is not var (product, symbol))
        {
            return InstrumentMissing;
        }

        var order = Find(request, symbol, product);
        if (order is null)
        {
            return new Failure(200, "51603", "Order does not exist");
        }

        // Swaps count in contracts, spot in base units; spot's fee is in the currency received.
        var spot = product is Product.Spot;
        var unit = spot ? 1m : ContractValue[symbol];
        return new[]
        {
            new
            {
                instType = spot ? "SPOT" : "SWAP",
                instId = request.Text("instId"),
                tgtCcy = string.Empty,
                ccy = string.Empty,
                ordId = Ms(order.OrderId),
                clOrdId = order.ClientOrderId,
                tag = string.Empty,
                px = order.Type is OrderType.Limit ? Plain(order.Price) : string.Empty,
                sz = Plain(order.Quantity / unit),
                ordType = order.Type is OrderType.Market ? "market" : "limit",
                side = order.Side is OrderSide.Buy ? "buy" : "sell",
                posSide = spot ? string.Empty : "net",
                tdMode = spot ? "cash" : "cross",
                accFillSz = Plain(order.ExecutedQuantity / unit),
                avgPx = order.ExecutedQuantity == 0 ? string.Empty : Plain(order.AveragePrice),
                state = order.Status switch
                {
                    OrderStatus.New => "live",
                    OrderStatus.PartiallyFilled => order.Type is OrderType.Market ? "canceled" : "partially_filled",
                    OrderStatus.Filled => "filled",
                    _ => "canceled",
                },
                lever = spot ? string.Empty : request.Account.LeverageOf(symbol).ToString(CultureInfo.InvariantCulture),
                fee = spot
                    ? Plain(-order.Fee)
                    : Plain(-order.CumulativeQuote * (order.Type is OrderType.Market ? state.Terms.TakerFee : state.Terms.MakerFee)),
                feeCcy = spot ? order.FeeAsset : "USDT",
                cTime = Ms(order.TimeMs),
                uTime = Ms(order.UpdateTimeMs),
            },
        };
    }

    private object CancelOrder(Request request)
    {
        var clOrdId = request.Text("clOrdId") ?? string.Empty;
        if (Resolve(request.Text("instId")) is not var (product, symbol))
        {
            return OrderFailure(clOrdId, "51001", "Instrument ID does not exist");
        }

        var order = Find(request, symbol, product);
        if (order is null || state.CancelOrder(request.Account, symbol, order.OrderId, null, product).Rejection is not Rejection.None)
        {
            return OrderFailure(clOrdId, "51400", "Order cancellation failed as the order has been filled, canceled or does not exist.");
        }

        return new[] { new { clOrdId = order.ClientOrderId, ordId = Ms(order.OrderId), sCode = "0", sMsg = string.Empty } };
    }

    // Within the account (type 0) between funding (6) and trading (18). https://www.okx.com/docs-v5/en/#funding-account-rest-api-funds-transfer
    private object Transfer(Request request)
    {
        var (from, to) = (request.Text("from"), request.Text("to"));
        if (request.Text("ccy") is not { } ccy
            || !decimal.TryParse(request.Text("amt"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return new Failure(400, "51000", "Parameter ccy or amt error");
        }

        if (request.Text("type") is not (null or "0") || from is not ("6" or "18") || to is not ("6" or "18") || from == to)
        {
            return new Failure(400, "51000", "Parameter from or to error");
        }

        var (id, rejection) = state.Transfer(request.Account, ccy, amount, toTrading: to == "18");
        return rejection switch
        {
            Rejection.None => new[] { new { transId = Ms(id), ccy, clientId = request.Text("clientId") ?? string.Empty, from, amt = request.Text("amt"), to } },
            Rejection.InsufficientBalance => new Failure(200, "58350", "Insufficient balance"),
            _ => new Failure(400, "51000", "Parameter amt error"),
        };
    }

    // One address per simulated chain, all crediting the funding account. https://www.okx.com/docs-v5/en/#funding-account-rest-api-get-deposit-address
    private object DepositAddress(Request request)
    {
        if (request.Text("ccy") is not { } ccy)
        {
            return new Failure(400, "51000", "Parameter ccy error");
        }

        return DepositNetworks.Select((network, i) => new
        {
            chain = $"{ccy}-{network}",
            ctAddr = string.Empty,
            ccy,
            to = "6",
            addr = state.DepositAddress(request.Account, ccy, $"{ccy}-{network}"),
            verifiedName = string.Empty,
            selected = i == 0,
        }).ToArray();
    }

    // On-chain (dest 4) from the funding account. https://www.okx.com/docs-v5/en/#funding-account-rest-api-withdrawal
    private object Withdraw(Request request)
    {
        if (request.Text("ccy") is not { } ccy || request.Text("toAddr") is not { } toAddr || request.Text("chain") is not { } chain
            || !decimal.TryParse(request.Text("amt"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return new Failure(400, "51000", "Parameter ccy, amt, toAddr or chain error");
        }

        if (request.Text("dest") != "4")
        {
            return new Failure(400, "51000", "Parameter dest error");
        }

        // A tagged address arrives as "address:tag".
        var parts = toAddr.Split(':', 2);
        var (withdrawal, rejection) = state.Withdraw(
            request.Account, ccy, chain, parts[0], parts.Length == 2 ? parts[1] : null, amount, request.Text("clientId"));
        return rejection switch
        {
            Rejection.None => new[] { new { ccy, chain, amt = request.Text("amt"), wdId = Ms(withdrawal!.Id), clientId = withdrawal.ClientId ?? string.Empty } },
            Rejection.InsufficientBalance => new Failure(200, "58350", "Insufficient balance"),
            _ => new Failure(400, "51000", "Parameter amt error"),
        };
    }

    // Deposits into the funding account, newest first; state 0 waiting for confirmation, 2 successful. before / after:
    // records newer / older than a ts. https://www.okx.com/docs-v5/en/#funding-account-rest-api-get-deposit-history
    private object DepositHistory(Request request)
    {
        if (!TryWindow(request, out var newerThan, out var olderThan))
        {
            return new Failure(400, "51000", "Parameter before or after error");
        }

        return request.Account.Deposits
            .Where(d => (request.Text("ccy") is not { } ccy || d.Asset == ccy) && (request.Text("depId") is not { } id || Ms(d.Id) == id)
                && (request.Text("txId") is not { } tx || d.TxHash == tx) && (request.Text("state") is not { } s || DepositState(d) == s)
                && d.TimeMs > newerThan && d.TimeMs < olderThan)
            .OrderByDescending(d => d.TimeMs).ThenByDescending(d => d.Id)
            .Take(Limit(request))
            .Select(d => new
            {
                ccy = d.Asset,
                chain = d.Chain,
                amt = Plain(d.Amount),
                from = string.Empty,
                areaCodeFrom = string.Empty,
                to = d.Address,
                txId = d.TxHash,
                ts = Ms(d.TimeMs),
                state = DepositState(d),
                depId = Ms(d.Id),
                fromWdId = string.Empty,
                actualDepBlkConfirm = Ms(d.Confirmations),
            })
            .ToArray();

        static string DepositState(SimDeposit d) => d.Credited ? "2" : "0";
    }

    // On-chain withdrawals, newest first; state 0 waiting withdrawal, 1 broadcasting to the chain, 2 success, -1 failed.
    // https://www.okx.com/docs-v5/en/#funding-account-rest-api-get-withdrawal-history
    private object WithdrawalHistory(Request request)
    {
        if (!TryWindow(request, out var newerThan, out var olderThan))
        {
            return new Failure(400, "51000", "Parameter before or after error");
        }

        return request.Account.Withdrawals
            .Where(w => (request.Text("ccy") is not { } ccy || w.Asset == ccy) && (request.Text("wdId") is not { } id || Ms(w.Id) == id)
                && (request.Text("clientId") is not { } clientId || w.ClientId == clientId) && (request.Text("txId") is not { } tx || w.TxHash == tx)
                && (request.Text("state") is not { } s || WithdrawalState(w) == s) && w.TimeMs > newerThan && w.TimeMs < olderThan)
            .OrderByDescending(w => w.TimeMs).ThenByDescending(w => w.Id)
            .Take(Limit(request))
            .Select(w => new
            {
                ccy = w.Asset,
                chain = w.Chain,
                nonTradableAsset = false,
                amt = Plain(w.Amount),
                ts = Ms(w.TimeMs),
                from = string.Empty,
                areaCodeFrom = string.Empty,
                to = w.Address,
                areaCodeTo = string.Empty,
                tag = w.Tag ?? string.Empty,
                pmtId = string.Empty,
                memo = string.Empty,
                addrExt = (object?)null,
                txId = w.TxHash ?? string.Empty,
                fee = Plain(w.Fee),
                feeCcy = w.Asset,
                state = WithdrawalState(w),
                wdId = Ms(w.Id),
                clientId = w.ClientId ?? string.Empty,
            })
            .ToArray();

        static string WithdrawalState(SimWithdrawal w) => w.State switch
        {
            Accounting.WithdrawalState.Requested => "0",
            Accounting.WithdrawalState.Sent => "1",
            Accounting.WithdrawalState.Completed => "2",
            _ => "-1",
        };
    }

    // before / after are Unix ms bounds (exclusive): records newer than before, older than after.
    private static bool TryWindow(Request request, out long newerThan, out long olderThan)
    {
        newerThan = long.MinValue;
        olderThan = long.MaxValue;
        return (request.Text("before") is not { } before || long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out newerThan))
            && (request.Text("after") is not { } after || long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out olderThan));
    }

    // 100 by default and at most.
    private static int Limit(Request request) =>
        int.TryParse(request.Text("limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is > 0 and < 100 ? limit : 100;

    private static SimOrder? Find(Request request, string symbol, Product product)
    {
        long? id = long.TryParse(request.Text("ordId"), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        return request.Text("ordId") is not null && id is null ? null : ExchangeState.FindOrder(request.Account, symbol, id, request.Text("clOrdId"), product);
    }

    // Trade endpoints answer code "1" with the per-order reason in data (HTTP 200).
    private static Failure OrderFailure(string clOrdId, string sCode, string sMsg) =>
        new(200, "1", "Operation failed.", [new { clOrdId, ordId = string.Empty, tag = string.Empty, sCode, sMsg }]);

    // The networks a currency's deposit addresses are listed for (chain "{ccy}-{network}").
    private static readonly string[] DepositNetworks = ["ERC20", "TRC20", "Arbitrum One"];

    private static readonly Failure InstrumentMissing = new(200, "51001", "Instrument ID does not exist");

    private string[]? Symbols(Request request) =>
        request.Text("instId") is { } instId ? (Symbol(instId) is { } s ? [s] : null) : state.Instruments.Keys.ToArray();

    private string? Symbol(string instId) =>
        instId.EndsWith("-USDT-SWAP", StringComparison.Ordinal) && instId.Replace("-SWAP", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal) is var s && state.Instruments.ContainsKey(s) ? s : null;

    // BTC-USDT is the spot pair, BTC-USDT-SWAP the swap.
    private string? SpotSymbol(string instId) =>
        instId.Split('-') is [var b, var q] && state.SpotInstruments.ContainsKey(b + q) ? b + q : null;

    private (Product Product, string Symbol)? Resolve(string? instId) =>
        instId is null ? null
        : SpotSymbol(instId) is { } spot ? (Product.Spot, spot)
        : Symbol(instId) is { } swap ? (Product.Perpetual, swap)
        : null;

    private string InstId(string symbol) => $"{state.Instruments[symbol].BaseAsset}-{state.Instruments[symbol].QuoteAsset}-SWAP";

    private static string Ms(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Plain(decimal value) => value == 0 ? "0" : value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Money(decimal value) => Plain(Math.Round(value, 8, MidpointRounding.ToEven));
}
