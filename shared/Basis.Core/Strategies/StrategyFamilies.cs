namespace Basis.Core.Strategies;

/// <summary>
/// Every strategy family, in one list. A family is a descriptor here, its parameters record (with the binding that
/// reads them, kept beside the record), and its strategy class; a mode is a line in <see cref="StrategyCatalog"/>
/// naming its family, plus its YAML file. Bindings live in Core, next to the parameters they check, and read
/// through <see cref="IParameterReader"/>, which the configuration layer implements: Core depends on nothing of ours
/// and reads no files, and a new family changes nothing in the configuration layer (docs/modes.md, "Adding a mode").
/// </summary>
public static class StrategyFamilies
{
    /// <summary><see cref="PureLendingStrategy"/> with <see cref="LendingParameters"/>.</summary>
    public static StrategyFamily Lending { get; } = StrategyFamily.Of<LendingParameters>(
        "lending", "Supply the share class' asset to AAVE v3; yield is the growth of its liquidity index.",
        LendingParameters.Bind, (mode, parameters) => new PureLendingStrategy(mode, parameters));

    /// <summary><see cref="StakingStrategy"/> with <see cref="StakingParameters"/>.</summary>
    public static StrategyFamily Staking { get; } = StrategyFamily.Of<StakingParameters>(
        "staking", "Hold the ETH share class as an LST (weETH or wstETH), optionally collecting EtherFi rewards.",
        StakingParameters.Bind, (mode, parameters) => new StakingStrategy(mode, parameters));

    /// <summary><see cref="BasisStrategy"/> with <see cref="BasisParameters"/>.</summary>
    public static StrategyFamily Basis { get; } = StrategyFamily.Of<BasisParameters>(
        "basis", "Long spot, short perps over venues with their margin reserved; earns funding.",
        BasisParameters.Bind, (mode, parameters) => new BasisStrategy(mode, parameters));

    /// <summary><see cref="LeveragedStakingStrategy"/> with <see cref="LeveragedStakingParameters"/>.</summary>
    public static StrategyFamily LeveragedStaking { get; } = StrategyFamily.Of<LeveragedStakingParameters>(
        "leveraged staking", "An LST loop on AAVE v3 eMode at a target LTV, built and resized atomically with flash loans.",
        LeveragedStakingParameters.Bind, (mode, parameters) => new LeveragedStakingStrategy(mode, parameters));

    /// <summary><see cref="HedgedStakingStrategy"/> without leverage.</summary>
    public static StrategyFamily HedgedStaking { get; } = StrategyFamily.Of<HedgedStakingParameters>(
        "hedged staking", "Stake part of the equity and short its ETH in perps; staking yield plus funding.",
        (reader, context) => HedgedStakingParameters.Bind(reader, context, leveraged: false), (mode, parameters) => new HedgedStakingStrategy(mode, parameters));

    /// <summary><see cref="HedgedStakingStrategy"/> with an AAVE loop.</summary>
    public static StrategyFamily HedgedLeveragedStaking { get; } = StrategyFamily.Of<HedgedStakingParameters>(
        "hedged leveraged staking", "The leveraged staking loop on part of the equity, its net ETH shorted in perps.",
        (reader, context) => HedgedStakingParameters.Bind(reader, context, leveraged: true), (mode, parameters) => new HedgedStakingStrategy(mode, parameters));

    /// <summary>Every family, in listing order.</summary>
    public static IReadOnlyList<StrategyFamily> All { get; } = [Lending, Staking, Basis, LeveragedStaking, HedgedStaking, HedgedLeveragedStaking];
}
