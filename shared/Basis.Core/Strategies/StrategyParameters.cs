namespace Basis.Core.Strategies;

/// <summary>The parameters of one strategy family, bound from the mode's top-level keys.</summary>
public abstract record StrategyParameters;
