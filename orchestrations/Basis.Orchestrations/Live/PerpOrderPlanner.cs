using System.Globalization;
using Basis.Core.Instruments;
using Basis.Core.Trading;
using Basis.Live.Execution;
using Basis.Live.Ledger;
using Basis.Live.Reconciliation;
using Basis.Venues.Exchanges;

namespace Basis.Orchestrations.Live;

/// <summary>
/// The real desk's plan of an hour: for each perpetual the strategy traded in the hour, the order that brings the
/// venue's position (the ledger's fills and the orders still open) to the size the book holds at the end of the hour,
/// rounded to the venue's quantity step and cut into parts no larger than the trade cap. Steering to the book's
/// position rather than copying each intent keeps the venue within a step of the book however many hours pass.
/// </summary>
/// <remarks>
/// Only perpetual orders are sent for real so far: an hour whose strategy also needs a transfer, a spot order or an
/// on-chain step is refused, and the cycle stops before it.
/// </remarks>
internal sealed class PerpOrderPlanner : IHourExecution
{
    private readonly string _instanceId;
    private readonly OrderRules _rules;
    private readonly double _maxTradeSizeUsd;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<(string Venue, string Symbol), decimal> _held;

    /// <param name="instanceId">The instance.</param>
    /// <param name="held">The venues' positions as the ledger has them: its fills, plus the open orders, by venue and the venue's symbol.</param>
    /// <param name="rules">The venues' quantity steps.</param>
    /// <param name="maxTradeSizeUsd">The trade cap: no order is larger.</param>
    /// <param name="now">When the orders are written.</param>
    public PerpOrderPlanner(string instanceId, IReadOnlyDictionary<(string Venue, string Symbol), decimal> held, OrderRules rules, double maxTradeSizeUsd, DateTimeOffset now)
    {
        _instanceId = instanceId;
        _held = new Dictionary<(string Venue, string Symbol), decimal>(held);
        _rules = rules;
        _maxTradeSizeUsd = maxTradeSizeUsd;
        _now = now;
    }

    /// <inheritdoc />
    public HourPlan Plan(DateTimeOffset hourUtc, IReadOnlyList<GateDecision> verdicts, IReadOnlyDictionary<(string Venue, string Symbol), double> bookPerps)
    {
        var carried = verdicts.Where(v => v.Parts > 0).ToList();
        if (carried.FirstOrDefault(v => v.Intent is not PerpOrder) is { } other)
        {
            return HourPlan.Refused(string.Create(CultureInfo.InvariantCulture,
                $"the real desk sends perpetual orders only, and the hour of {hourUtc:yyyy-MM-ddTHH:mm}Z needs a {other.Intent.GetType().Name} ({other.Intent.Reason}); transfers, spot orders and on-chain steps are not sent for real yet"));
        }

        var orders = new List<LedgerOrder>();
        foreach (var traded in carried.GroupBy(v => ((PerpOrder)v.Intent).Perp.Key))
        {
            var first = traded.First();
            var intent = (PerpOrder)first.Intent;
            var venue = Enum.Parse<ExchangeVenue>(traded.Key.Venue.Name(), ignoreCase: true);
            var baseAsset = Reconciler.BaseAssetOf(traded.Key.Symbol);
            var location = ExchangeReader.LocationOf(venue);
            var symbol = PerpSymbols.Of(venue, baseAsset);
            var step = _rules.PerpQuantityStep(venue, baseAsset);
            var target = (decimal)bookPerps.GetValueOrDefault((traded.Key.Venue.Name(), traded.Key.Symbol));
            var held = _held.GetValueOrDefault((location, symbol));
            var delta = Math.Round((target - held) / step, MidpointRounding.ToEven) * step;
            if (delta == 0)
            {
                continue;
            }

            // The intent's notional over its size is the hour's price, at which the gate held it to the cap.
            var price = first.NotionalUsd / Math.Abs(intent.SizeDelta);
            var parts = Math.Max(1, (int)Math.Ceiling((double)Math.Abs(delta) * price / _maxTradeSizeUsd));
            var part = Math.Floor(Math.Abs(delta) / parts / step) * step;
            if (part == 0)
            {
                return HourPlan.Refused(string.Create(CultureInfo.InvariantCulture,
                    $"the trade cap of {_maxTradeSizeUsd:0.##} USD is smaller than one {step} {baseAsset} step of {symbol} on {location}: no order can be sent within it"));
            }

            for (var k = 0; k < parts; k++)
            {
                var quantity = k < parts - 1 ? part : Math.Abs(delta) - (part * (parts - 1));
                var key = string.Create(CultureInfo.InvariantCulture, $"{_instanceId}/{hourUtc.UtcDateTime:yyyy-MM-ddTHH:mm}Z/{location}/{symbol}/{k}");
                orders.Add(new LedgerOrder(
                    _instanceId, location, ClientOrderIds.Derive(key), symbol, delta > 0 ? OrderSide.Buy : OrderSide.Sell, OrderType.Market,
                    quantity, null, null, OrderStatus.New, intent.Reason, _now, _now));
            }

            _held[(location, symbol)] = held + delta;
        }

        return new HourPlan(orders, null);
    }

    /// <summary>
    /// The venues' positions the planner starts from: the ledger's perp holdings, plus what its open orders will add
    /// once they fill.
    /// </summary>
    public static IReadOnlyDictionary<(string Venue, string Symbol), decimal> Held(LedgerPositions positions, IEnumerable<LedgerOrder> open)
    {
        var held = positions.Perps.ToDictionary(p => (p.Venue, p.Symbol), p => p.Size);
        foreach (var order in open)
        {
            held[(order.Venue, order.Symbol)] = held.GetValueOrDefault((order.Venue, order.Symbol)) + (order.Side == OrderSide.Buy ? order.Quantity : -order.Quantity);
        }

        return held;
    }
}
