namespace Basis.Core.Simulation;

/// <summary>Capital deposited (positive) or withdrawn (negative) at an hour, in share-class units.</summary>
public sealed record CapitalFlow(DateTime TimeUtc, double Amount);
