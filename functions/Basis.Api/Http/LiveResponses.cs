using System.Text.Json;
using System.Text.Json.Serialization;
using Basis.Api.Live;
using Basis.Live.Ledger;

namespace Basis.Api.Http;

// The bodies /api/v1/live answers with, in the API's snake_case. Enums are lower-case words; money is a JSON number
// read from the ledger's numeric columns without rounding.

/// <summary>
/// An instance and how it is doing. <c>execution</c> is <c>paper</c> (live data, simulated fills) or <c>real</c>;
/// <c>status</c> <c>active</c>, <c>paused</c>, <c>halted</c> or <c>stopped</c>; <c>health</c> <c>healthy</c>,
/// <c>unhealthy</c> or <c>idle</c> (paused or stopped), with <c>health_reason</c>; <c>last_cycle_utc</c> the last hour
/// its engine simulated; <c>breaches</c> the latest few, newest first.
/// </summary>
public sealed record LiveInstanceResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("share_class")] string ShareClass,
    [property: JsonPropertyName("capital")] decimal Capital,
    [property: JsonPropertyName("venues")] IReadOnlyList<string> Venues,
    [property: JsonPropertyName("limits")] JsonElement Limits,
    [property: JsonPropertyName("execution")] string Execution,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("health")] string Health,
    [property: JsonPropertyName("health_reason")] string HealthReason,
    [property: JsonPropertyName("last_heartbeat_utc")] DateTimeOffset? LastHeartbeatUtc,
    [property: JsonPropertyName("last_cycle_utc")] DateTimeOffset? LastCycleUtc,
    [property: JsonPropertyName("breaches")] IReadOnlyList<LiveEventResponse> Breaches,
    [property: JsonPropertyName("created_utc")] DateTimeOffset CreatedUtc,
    [property: JsonPropertyName("updated_utc")] DateTimeOffset UpdatedUtc)
{
    public static LiveInstanceResponse From(LiveInstanceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var i = state.Instance;
        using var limits = JsonDocument.Parse(i.LimitsJson);
        return new LiveInstanceResponse(
            i.Id, i.Name, i.Mode, i.ShareClass, i.Capital, i.Venues, limits.RootElement.Clone(), Word(i.ExecutionKind), LiveService.Name(i.Status),
            Word(state.Health), state.HealthReason, state.LastHeartbeatUtc, state.LastCycleUtc, state.Breaches.Select(LiveEventResponse.From).ToList(),
            i.CreatedUtc, i.UpdatedUtc);
    }

    internal static string Word<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}

/// <summary>An emergency stop's answer: the instance, now halted, and what happened to its positions.</summary>
public sealed record LiveEmergencyStopResponse(
    [property: JsonPropertyName("instance")] LiveInstanceResponse Instance,
    [property: JsonPropertyName("unwind")] string Unwind);

/// <summary>A heartbeat, breach or alert.</summary>
public sealed record LiveEventResponse(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("details")] JsonElement? Details,
    [property: JsonPropertyName("occurred_utc")] DateTimeOffset OccurredUtc)
{
    public static LiveEventResponse From(LedgerEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(LiveInstanceResponse.Word(e.Kind), e.Message, e.DetailsJson is { } json ? Json(json) : null, e.OccurredUtc);
    }

    internal static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

/// <summary>An order as the ledger knows it.</summary>
public sealed record LiveOrderResponse(
    [property: JsonPropertyName("venue")] string Venue,
    [property: JsonPropertyName("client_order_id")] string ClientOrderId,
    [property: JsonPropertyName("venue_order_id")] string? VenueOrderId,
    [property: JsonPropertyName("symbol")] string Symbol,
    [property: JsonPropertyName("market")] string Market,
    [property: JsonPropertyName("side")] string Side,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("quantity")] decimal Quantity,
    [property: JsonPropertyName("price")] decimal? Price,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("created_utc")] DateTimeOffset CreatedUtc,
    [property: JsonPropertyName("updated_utc")] DateTimeOffset UpdatedUtc)
{
    public static LiveOrderResponse From(LedgerOrder o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new(o.Venue, o.ClientOrderId, o.VenueOrderId, o.Symbol, LiveInstanceResponse.Word(o.Market), LiveInstanceResponse.Word(o.Side), LiveInstanceResponse.Word(o.Type), o.Quantity, o.Price, LiveInstanceResponse.Word(o.Status), o.Reason, o.CreatedUtc, o.UpdatedUtc);
    }
}

/// <summary>
/// An on-chain step of a real instance (an AAVE supply, a stake, a swap, a loop's atomic plan, a transfer to or from an
/// exchange) and how far it got: its transaction's hash and nonce once signed, the venue's id of a withdrawal.
/// </summary>
public sealed record LiveChainStepResponse(
    [property: JsonPropertyName("step_id")] string StepId,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("asset")] string Asset,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("counter_asset")] string? CounterAsset,
    [property: JsonPropertyName("limit")] decimal? Limit,
    [property: JsonPropertyName("flash_loan")] decimal? FlashLoan,
    [property: JsonPropertyName("venue")] string? Venue,
    [property: JsonPropertyName("venue_ref")] string? VenueRef,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("tx_hash")] string? TxHash,
    [property: JsonPropertyName("nonce")] long? Nonce,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("created_utc")] DateTimeOffset CreatedUtc,
    [property: JsonPropertyName("updated_utc")] DateTimeOffset UpdatedUtc)
{
    public static LiveChainStepResponse From(LedgerChainStep s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(
            s.StepId, JsonNamingPolicy.SnakeCaseLower.ConvertName(s.Kind.ToString()), s.Asset, s.Amount, s.Counter, s.Limit, s.Flash, s.Venue, s.VenueRef, LiveInstanceResponse.Word(s.Status),
            s.TxHash, s.Nonce is { } nonce ? (long)nonce : null, s.Reason, s.CreatedUtc, s.UpdatedUtc);
    }
}

/// <summary>An execution a venue reported.</summary>
public sealed record LiveFillResponse(
    [property: JsonPropertyName("venue")] string Venue,
    [property: JsonPropertyName("fill_id")] string FillId,
    [property: JsonPropertyName("client_order_id")] string ClientOrderId,
    [property: JsonPropertyName("symbol")] string Symbol,
    [property: JsonPropertyName("market")] string Market,
    [property: JsonPropertyName("side")] string Side,
    [property: JsonPropertyName("quantity")] decimal Quantity,
    [property: JsonPropertyName("price")] decimal Price,
    [property: JsonPropertyName("fee")] decimal Fee,
    [property: JsonPropertyName("fee_asset")] string FeeAsset,
    [property: JsonPropertyName("filled_utc")] DateTimeOffset FilledUtc)
{
    public static LiveFillResponse From(LedgerFill f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(f.Venue, f.FillId, f.ClientOrderId, f.Symbol, LiveInstanceResponse.Word(f.Market), LiveInstanceResponse.Word(f.Side), f.Quantity, f.Price, f.Fee, f.FeeAsset, f.FilledUtc);
    }
}

/// <summary>One thing the instance's engine did in an hour, as a backtest's <c>events.jsonl</c> line or a safety-gate verdict.</summary>
public sealed record LiveActivityResponse(
    [property: JsonPropertyName("hour_utc")] DateTimeOffset HourUtc,
    [property: JsonPropertyName("ordinal")] int Ordinal,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("body")] JsonElement Body)
{
    public static LiveActivityResponse From(LedgerActivity a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.HourUtc, a.Ordinal, a.Kind, LiveEventResponse.Json(a.BodyJson));
    }
}

/// <summary>A page of rows in recorded order; pass <c>next_cursor</c> as <c>?cursor=</c> for the next (null on the last page).</summary>
public sealed record LivePageResponse<T>(
    [property: JsonPropertyName("items")] IReadOnlyList<T> Items,
    [property: JsonPropertyName("next_cursor")] long? NextCursor);

/// <summary>Positions rebuilt from the ledger's fills, funding and transfers.</summary>
public sealed record LivePositionsResponse(
    [property: JsonPropertyName("perps")] IReadOnlyList<LivePerpResponse> Perps,
    [property: JsonPropertyName("balances")] IReadOnlyList<LiveBalanceResponse> Balances)
{
    public static LivePositionsResponse From(LedgerPositions positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        return new(
            positions.Perps.Select(p => new LivePerpResponse(p.Venue, p.Symbol, p.Size, p.AverageEntryPrice, p.RealisedPnl, p.Funding)).ToList(),
            positions.Balances.Select(b => new LiveBalanceResponse(b.Location, b.Asset, b.Amount)).ToList());
    }
}

/// <summary>A perpetual position: signed size (base units, negative short), average entry, realised P&amp;L and funding (quote asset).</summary>
public sealed record LivePerpResponse(
    [property: JsonPropertyName("venue")] string Venue,
    [property: JsonPropertyName("symbol")] string Symbol,
    [property: JsonPropertyName("size")] decimal Size,
    [property: JsonPropertyName("average_entry_price")] decimal AverageEntryPrice,
    [property: JsonPropertyName("realised_pnl")] decimal RealisedPnl,
    [property: JsonPropertyName("funding")] decimal Funding);

/// <summary>An amount of a token at a venue account or the wallet.</summary>
public sealed record LiveBalanceResponse(
    [property: JsonPropertyName("location")] string Location,
    [property: JsonPropertyName("asset")] string Asset,
    [property: JsonPropertyName("amount")] decimal Amount);

/// <summary>
/// Performance from the recorded cycles: first and last equity (share-class units), the largest and the current
/// drawdown from the high-water mark (0.05 = 5 %), P&amp;L by source since the start, and the series.
/// </summary>
public sealed record LivePerformanceResponse(
    [property: JsonPropertyName("share_class")] string ShareClass,
    [property: JsonPropertyName("cycles")] int Cycles,
    [property: JsonPropertyName("start_equity")] decimal? StartEquity,
    [property: JsonPropertyName("end_equity")] decimal? EndEquity,
    [property: JsonPropertyName("max_drawdown")] decimal MaxDrawdown,
    [property: JsonPropertyName("current_drawdown")] decimal CurrentDrawdown,
    [property: JsonPropertyName("pnl_by_source")] IReadOnlyDictionary<string, decimal> PnlBySource,
    [property: JsonPropertyName("series")] IReadOnlyList<LiveEquityPointResponse> Series)
{
    public static LivePerformanceResponse From(LivePerformance performance)
    {
        ArgumentNullException.ThrowIfNull(performance);
        return new(
            performance.ShareClass, performance.Series.Count, performance.StartEquity, performance.EndEquity, performance.MaxDrawdown, performance.CurrentDrawdown, performance.PnlBySource,
            performance.Series.Select(p => new LiveEquityPointResponse(p.CycleUtc, p.Equity, p.Drawdown)).ToList());
    }
}

/// <summary>One cycle's equity and drawdown.</summary>
public sealed record LiveEquityPointResponse(
    [property: JsonPropertyName("cycle_utc")] DateTimeOffset CycleUtc,
    [property: JsonPropertyName("equity")] decimal Equity,
    [property: JsonPropertyName("drawdown")] decimal Drawdown);

/// <summary>What the live runtime did with a rebalance, deposit or withdrawal.</summary>
public sealed record LiveRuntimeResponse(
    [property: JsonPropertyName("instance_id")] string InstanceId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message);
