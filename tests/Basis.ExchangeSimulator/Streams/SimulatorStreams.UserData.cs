using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Basis.ExchangeSimulator.Accounting;
using Basis.ExchangeSimulator.Binance;

namespace Basis.ExchangeSimulator.Streams;

/// <summary>
/// Binance's user data stream: <c>POST/PUT/DELETE /fapi/v1/listenKey</c> (X-MBX-APIKEY, no signature) and
/// <c>/ws/&lt;listenKey&gt;</c>, which pushes <c>ORDER_TRADE_UPDATE</c> for every change to the account's orders after
/// the connection opened (NEW, then TRADE per fill, CANCELED), checked every tick.
/// </summary>
internal sealed partial class SimulatorStreams
{
    private readonly ConcurrentDictionary<string, string> _listenKeys = new(StringComparer.Ordinal);

    private void MapListenKeys(WebApplication app)
    {
        app.MapPost("/fapi/v1/listenKey", (HttpContext c) => ListenKey(c, create: true));
        app.MapPut("/fapi/v1/listenKey", (HttpContext c) => ListenKey(c, create: false));
        app.MapDelete("/fapi/v1/listenKey", (HttpContext c) =>
        {
            var apiKey = c.Request.Headers["X-MBX-APIKEY"].ToString();
            foreach (var (key, owner) in _listenKeys)
            {
                if (owner == apiKey)
                {
                    _listenKeys.TryRemove(key, out _);
                }
            }

            return Results.Json(new { });
        });
    }

    // Binance returns the account's live key (or a new one) and extends it; PUT without one is -1125.
    private IResult ListenKey(HttpContext context, bool create)
    {
        var apiKey = context.Request.Headers["X-MBX-APIKEY"].ToString();
        bool known;
        lock (_binance.Sync)
        {
            known = _binance.Accounts.ContainsKey(apiKey);
        }

        if (!known)
        {
            return Results.Json(new { code = -2015, msg = "Invalid API-key, IP, or permissions for action." }, statusCode: 401);
        }

        var existing = _listenKeys.FirstOrDefault(p => p.Value == apiKey).Key;
        if (existing is null && !create)
        {
            return Results.Json(new { code = -1125, msg = "This listenKey does not exist." }, statusCode: 400);
        }

        var listenKey = existing ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        _listenKeys[listenKey] = apiKey;
        return Results.Json(new { listenKey });
    }

    private IEnumerable<string> BinanceUserData(StreamConnection connection, string key, long unixSeconds, bool first) =>
        OrderChanges(connection, key, _binance.Accounts[key["user:".Length..]], first).Select(OrderTradeUpdate);

    /// <summary>
    /// One change to an order since the subscription last looked, in Binance's terms (the model for every venue's
    /// push): <paramref name="Execution"/> NEW, TRADE or CANCELED, the status and totals after it, and the fill it
    /// brought (zero when none).
    /// </summary>
    private sealed record OrderChange(SimOrder Order, string Execution, OrderStatus Status, decimal Executed, decimal Quote, decimal LastQuantity, decimal LastPrice);

    // First call: the orders that exist are the baseline; later calls return what changed since: NEW for an order not
    // seen before, TRADE for new fills, CANCELED. Remembered per subscription key, so each subscription sees every change.
    private static List<OrderChange> OrderChanges(StreamConnection connection, string key, SimAccount account, bool first)
    {
        var changes = new List<OrderChange>();
        // The simulated order streams are the perpetuals' (Binance's USDⓈ-M user data, Bybit's linear, OKX's SWAP).
        foreach (var order in account.Orders.Where(o => o.Product is Product.Perpetual))
        {
            var id = key + "#" + order.OrderId.ToString(CultureInfo.InvariantCulture);
            var now = (order.Status, order.ExecutedQuantity, order.CumulativeQuote);
            var seen = connection.LastSent.TryGetValue(id, out var text) ? Parse(text) : ((OrderStatus, decimal, decimal)?)null;
            connection.LastSent[id] = string.Create(CultureInfo.InvariantCulture, $"{(int)order.Status}|{order.ExecutedQuantity}|{order.CumulativeQuote}");
            if (first || seen == now)
            {
                continue;
            }

            var (executed, quote) = seen is { } s ? (s.Item2, s.Item3) : (0m, 0m);
            if (seen is null)
            {
                changes.Add(new(order, "NEW", OrderStatus.New, 0m, 0m, 0m, 0m));
            }

            if (order.ExecutedQuantity > executed)
            {
                var fill = order.ExecutedQuantity - executed;
                var status = order.Status is OrderStatus.Canceled ? OrderStatus.PartiallyFilled : order.Status;
                changes.Add(new(order, "TRADE", status, order.ExecutedQuantity, order.CumulativeQuote, fill, (order.CumulativeQuote - quote) / fill));
            }

            if (order.Status is OrderStatus.Canceled && seen?.Item1 is not OrderStatus.Canceled)
            {
                changes.Add(new(order, "CANCELED", OrderStatus.Canceled, order.ExecutedQuantity, order.CumulativeQuote, 0m, 0m));
            }
        }

        return changes;

        static (OrderStatus, decimal, decimal) Parse(string text)
        {
            var parts = text.Split('|');
            return ((OrderStatus)int.Parse(parts[0], CultureInfo.InvariantCulture), decimal.Parse(parts[1], CultureInfo.InvariantCulture), decimal.Parse(parts[2], CultureInfo.InvariantCulture));
        }
    }

    // ORDER_TRADE_UPDATE as Binance's USDⓈ-M user data stream sends it (event "Order Update").
    private string OrderTradeUpdate(OrderChange change)
    {
        var (order, execution, status, executed, quote, lastQuantity, lastPrice) = change;
        var instrument = _binance.Instruments[order.Symbol];
        var type = BinanceFormat.Type(order.Type);
        var average = executed == 0 ? "0" : BinanceFormat.AveragePrice(quote / executed);
        return string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"e":"ORDER_TRADE_UPDATE","E":{{_binance.NowMs}},"T":{{order.UpdateTimeMs}},"o":{"s":"{{order.Symbol}}","c":"{{order.ClientOrderId}}","S":"{{BinanceFormat.Side(order.Side)}}","o":"{{type}}","f":"{{order.TimeInForce}}","q":"{{BinanceFormat.Quantity(instrument, order.Quantity)}}","p":"{{BinanceFormat.Plain(order.Price)}}","ap":"{{average}}","sp":"0","x":"{{execution}}","X":"{{BinanceFormat.Status(status)}}","i":{{order.OrderId}},"l":"{{BinanceFormat.Quantity(instrument, lastQuantity)}}","z":"{{BinanceFormat.Quantity(instrument, executed)}}","L":"{{BinanceFormat.Plain(lastPrice)}}","N":"USDT","n":"0","T":{{order.UpdateTimeMs}},"t":0,"b":"0","a":"0","m":false,"R":{{(order.ReduceOnly ? "true" : "false")}},"wt":"CONTRACT_PRICE","ot":"{{type}}","ps":"BOTH","cp":false,"rp":"0","pP":false,"si":0,"ss":0,"V":"EXPIRE_MAKER","pm":"NONE","gtd":0} }""");
    }
}
