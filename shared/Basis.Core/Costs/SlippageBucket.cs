namespace Basis.Core.Costs;

/// <summary>One size bucket of the execution-cost table: trades up to <see cref="UpToNotionalUsd"/> pay <see cref="Bps"/>.</summary>
public sealed record SlippageBucket(double UpToNotionalUsd, double Bps);
