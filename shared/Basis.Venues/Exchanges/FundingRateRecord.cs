namespace Basis.Venues.Exchanges;

/// <summary>
/// Rate: Rate per funding interval that was settled at FundingTime.
/// </summary>
public sealed record FundingRateRecord(string Symbol, decimal Rate, DateTimeOffset FundingTime);
