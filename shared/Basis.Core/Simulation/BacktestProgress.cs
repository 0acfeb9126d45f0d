namespace Basis.Core.Simulation;

/// <summary>How far a simulation has got.</summary>
public readonly record struct BacktestProgress(int HoursDone, int HoursTotal);
