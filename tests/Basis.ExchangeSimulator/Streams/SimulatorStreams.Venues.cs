using System.Globalization;
using System.Text.Json;
using Basis.ExchangeSimulator.Binance;

namespace Basis.ExchangeSimulator.Streams;

/// <summary>Each venue's message formats and ops.</summary>
internal sealed partial class SimulatorStreams
{
    private static string Plain(decimal value) => BinanceFormat.Plain(value);

    // Binance's markPriceUpdate (USDⓈ-M market streams, Mark Price Stream): fields e, E, s, p, i, P, r, T in this
    // order. Index and estimated settle price are the mark (the data has no index); r is the next settlement's rate.
    private IEnumerable<string> Binance(StreamConnection connection, string symbol, long unixSeconds, bool first)
    {
        var (mark, rate, next) = Market(_binance, symbol, unixSeconds);
        var p = BinanceFormat.Money(mark);
        yield return string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"e":"markPriceUpdate","E":{{unixSeconds * 1000}},"s":"{{symbol}}","p":"{{p}}","i":"{{p}}","P":"{{p}}","r":"{{BinanceFormat.Rate(rate)}}","T":{{(next ?? 0) * 1000}}}""");
    }

    // Bybit tickers (v5 public linear): a snapshot first, then deltas with the fields that changed (mark and index
    // always, as they move every push on the venue).
    private IEnumerable<string> Bybit(StreamConnection connection, string symbol, long unixSeconds, bool first)
    {
        var (mark, rate, next) = Market(_bybit, symbol, unixSeconds);
        var funding = ",\"fundingRate\":\"" + Plain(rate) + "\",\"nextFundingTime\":\"" + ((next ?? 0) * 1000).ToString(CultureInfo.InvariantCulture) + "\"";
        var changed = first || !connection.LastSent.TryGetValue(symbol, out var last) || last != funding;
        connection.LastSent[symbol] = funding;
        var data = string.Create(CultureInfo.InvariantCulture, $$"""{"symbol":"{{symbol}}","markPrice":"{{Plain(mark)}}","indexPrice":"{{Plain(mark)}}"{{(changed ? funding : string.Empty)}}}""");
        yield return string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"topic":"tickers.{{symbol}}","type":"{{(first ? "snapshot" : "delta")}}","data":{{data}},"cs":{{Interlocked.Increment(ref _sequence)}},"ts":{{unixSeconds * 1000}}}""");
    }

    private static void BybitReply(StreamConnection connection, string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var op = root.TryGetProperty("op", out var o) ? o.GetString() : null;
        var reqId = root.TryGetProperty("req_id", out var r) ? r.GetString() : string.Empty;
        if (op == "ping")
        {
            connection.Replies.Enqueue($$"""{"success":true,"ret_msg":"pong","conn_id":"{{connection.ConnId}}","req_id":"{{reqId}}","op":"ping"}""");
            return;
        }

        if (op != "subscribe")
        {
            return;
        }

        var symbols = root.GetProperty("args").EnumerateArray().Select(a => a.GetString() ?? string.Empty).ToList();
        var unknown = symbols.FirstOrDefault(t => !t.StartsWith("tickers.", StringComparison.Ordinal) || !SimulatedSymbols.Contains(t["tickers.".Length..]));
        if (unknown is not null)
        {
            connection.Replies.Enqueue($$"""{"success":false,"ret_msg":"Invalid topic :[{{unknown}}]","conn_id":"{{connection.ConnId}}","req_id":"{{reqId}}","op":"subscribe"}""");
            return;
        }

        connection.Replies.Enqueue($$"""{"success":true,"ret_msg":"","conn_id":"{{connection.ConnId}}","req_id":"{{reqId}}","op":"subscribe"}""");
        foreach (var topic in symbols)
        {
            connection.Subscriptions.TryAdd(topic["tickers.".Length..], false);
        }
    }

    // OKX public channels: mark-price {instType, instId, markPx, ts} and funding-rate {fundingRate, fundingTime,
    // instId, instType, method, nextFundingTime, ts}, pushed only when it changes.
    private IEnumerable<string> Okx(StreamConnection connection, string key, long unixSeconds, bool first)
    {
        var (channel, symbol) = (key[..key.IndexOf(':', StringComparison.Ordinal)], key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        var (mark, rate, next) = Market(_okx, symbol, unixSeconds);
        var instId = InstId(symbol);
        var arg = $$"""{"channel":"{{channel}}","instId":"{{instId}}"}""";
        var ts = (unixSeconds * 1000).ToString(CultureInfo.InvariantCulture);
        if (channel == "mark-price")
        {
            yield return $$"""{"arg":{{arg}},"data":[{"instType":"SWAP","instId":"{{instId}}","markPx":"{{Plain(mark)}}","ts":"{{ts}}"}]}""";
            yield break;
        }

        var after = next is { } n ? _okx.Tape.NextFundingTime(symbol, n) : null;
        var row = string.Create(CultureInfo.InvariantCulture, $$"""{"fundingRate":"{{Plain(rate)}}","fundingTime":"{{(next ?? 0) * 1000}}","instId":"{{instId}}","instType":"SWAP","method":"current_period","nextFundingRate":"","nextFundingTime":"{{(after ?? 0) * 1000}}""") + "\"";
        if (!first && connection.LastSent.TryGetValue(key, out var last) && last == row)
        {
            yield break;
        }

        connection.LastSent[key] = row;
        yield return $$"""{"arg":{{arg}},"data":[{{row}},"ts":"{{ts}}"}]}""";
    }

    private static void OkxReply(StreamConnection connection, string text)
    {
        if (text == "ping")
        {
            connection.Replies.Enqueue("pong");
            return;
        }

        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (!root.TryGetProperty("op", out var op) || op.GetString() != "subscribe")
        {
            return;
        }

        foreach (var arg in root.GetProperty("args").EnumerateArray())
        {
            var channel = arg.TryGetProperty("channel", out var c) ? c.GetString() : null;
            var instId = arg.TryGetProperty("instId", out var i) ? i.GetString() ?? string.Empty : string.Empty;
            var symbol = OkxSymbol(instId);
            if (channel is not ("mark-price" or "funding-rate") || symbol is null)
            {
                connection.Replies.Enqueue($$"""{"event":"error","code":"60018","msg":"Wrong URL or channel:{{channel}},instId:{{instId}} doesn't exist.","connId":"{{connection.ConnId}}"}""");
                continue;
            }

            connection.Replies.Enqueue($$"""{"event":"subscribe","arg":{"channel":"{{channel}}","instId":"{{instId}}"},"connId":"{{connection.ConnId}}"}""");
            connection.Subscriptions.TryAdd(channel + ":" + symbol, false);
        }
    }

    private static readonly HashSet<string> SimulatedSymbols = new(["BTCUSDT", "ETHUSDT"], StringComparer.Ordinal);

    private static string InstId(string symbol) => symbol[..^"USDT".Length] + "-USDT-SWAP";

    // BTC-USDT-SWAP → BTCUSDT; null for an instrument the simulator does not list.
    private static string? OkxSymbol(string instId) =>
        instId.EndsWith("-USDT-SWAP", StringComparison.Ordinal) && instId[..^"-USDT-SWAP".Length] + "USDT" is var symbol && SimulatedSymbols.Contains(symbol)
            ? symbol
            : null;

    // The mark at the hour, and the rate and time of the next settlement (the predicted rate the venues publish).
    private static (decimal Mark, decimal Rate, long? Next) Market(Accounting.ExchangeState state, string symbol, long unixSeconds)
    {
        var next = state.Tape.NextFundingTime(symbol, unixSeconds);
        return (state.Tape.MarkAt(symbol, unixSeconds), next is { } t ? state.Tape.FundingAt(symbol, t) ?? 0m : 0m, next);
    }
}
