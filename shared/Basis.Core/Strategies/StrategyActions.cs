namespace Basis.Core.Strategies;

/// <summary>The standard actions every strategy's decisions are named by (recorded on rebalance events).</summary>
public static class StrategyActions
{
    /// <summary>Deploy all capital at the start.</summary>
    public const string EntryFull = "entry_full";

    /// <summary>Add to the position.</summary>
    public const string EntryPartial = "entry_partial";

    /// <summary>Close everything.</summary>
    public const string ExitFull = "exit_full";

    /// <summary>Reduce the position.</summary>
    public const string ExitPartial = "exit_partial";

    /// <summary>Sell reward tokens into the share class' asset.</summary>
    public const string SellDust = "sell_dust";
}
