using Basis.Core.Settings;

namespace Basis.Core.Strategies;

/// <summary>
/// The modes of DESIGN §5 with their aliases. An unknown name is an error listing the valid ones; the original
/// system silently mapped unknown names to pure lending.
/// </summary>
public static class StrategyCatalog
{
    /// <summary>Every mode, implemented first.</summary>
    public static IReadOnlyList<StrategyMode> All { get; } =
    [
        new("pure_lending_usdt", ShareClass.Usdt, ["usdt_pure_lending"], StrategyFamilies.Lending),
        new("pure_lending_eth", ShareClass.Eth, [], StrategyFamilies.Lending),
        new("btc_basis", ShareClass.Usdt, [], StrategyFamilies.Basis),
        new("eth_basis", ShareClass.Usdt, [], StrategyFamilies.Basis),
        new("eth_staking_only", ShareClass.Eth, [], StrategyFamilies.Staking),
        new("eth_leveraged", ShareClass.Eth, ["eth_leveraged_staking"], StrategyFamilies.LeveragedStaking),
        new("usdt_eth_staking_hedged_simple", ShareClass.Usdt, ["usdt_market_neutral_no_leverage"], StrategyFamilies.HedgedStaking),
        new("usdt_eth_staking_hedged_leveraged", ShareClass.Usdt, ["usdt_market_neutral"], StrategyFamilies.HedgedLeveragedStaking),
        new("ml_btc_directional_usdt_margin", ShareClass.Usdt, [], null, "the signal-driven ML modes"),
    ];

    /// <summary>Modes that can be run.</summary>
    public static IEnumerable<StrategyMode> Implemented => All.Where(m => m.IsImplemented);

    /// <summary>
    /// The mode for a canonical name or alias. Throws <see cref="UnknownModeException"/> listing the runnable modes
    /// for an unknown name, and saying what a planned mode arrives with.
    /// </summary>
    public static StrategyMode Resolve(string nameOrAlias)
    {
        var mode = All.FirstOrDefault(m => m.Name == nameOrAlias || m.Aliases.Contains(nameOrAlias));
        if (mode is null)
        {
            throw new UnknownModeException($"Unknown mode '{nameOrAlias}'. Valid modes: {ValidNames}.");
        }

        return mode.IsImplemented
            ? mode
            : throw new UnknownModeException($"Mode '{mode.Name}' is not implemented yet (it arrives with {mode.PlannedWith}). Valid modes: {ValidNames}.");
    }

    /// <summary>
    /// Creates the strategy of a mode from its settings, by the family whose parameters they hold (the two hedged
    /// families share their parameters and strategy class, so either makes the same strategy).
    /// </summary>
    public static IStrategy Create(ModeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var family in StrategyFamilies.All)
        {
            if (family.TryCreate(settings) is { } strategy)
            {
                return strategy;
            }
        }

        throw new StrategySetupException($"Mode {settings.Mode} has no strategy for {settings.Strategy.GetType().Name}.");
    }

    private static string ValidNames =>
        string.Join(", ", Implemented.Select(m => m.Aliases.Count == 0 ? m.Name : $"{m.Name} (alias {string.Join(", ", m.Aliases)})"));
}
