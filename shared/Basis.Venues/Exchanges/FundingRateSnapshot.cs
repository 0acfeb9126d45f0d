namespace Basis.Venues.Exchanges;

/// <summary>
/// Rate: Rate per funding interval (0.0001 = 1 bp), as the venue quotes it for the coming payment.
/// </summary>
public sealed record FundingRateSnapshot(string Symbol, decimal Rate, DateTimeOffset NextFundingTime);
