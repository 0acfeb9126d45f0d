using Basis.Venues.Exchanges;

namespace Basis.Live.Ledger;

/// <summary>
/// An execution reported by a venue, recorded once per <c>FillId</c> (the venue's trade id). <c>Fee</c> is what was
/// paid, in <c>FeeAsset</c>; negative for a rebate.
/// </summary>
public sealed record LedgerFill(
    string InstanceId,
    string Venue,
    string FillId,
    string ClientOrderId,
    string Symbol,
    MarketType Market,
    string BaseAsset,
    string QuoteAsset,
    OrderSide Side,
    decimal Quantity,
    decimal Price,
    decimal Fee,
    string FeeAsset,
    DateTimeOffset FilledUtc);
