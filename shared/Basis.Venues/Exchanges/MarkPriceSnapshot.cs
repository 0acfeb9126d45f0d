namespace Basis.Venues.Exchanges;

public sealed record MarkPriceSnapshot(string Symbol, decimal MarkPrice, decimal IndexPrice, DateTimeOffset Time);
