namespace Basis.Core.Settings;

/// <summary>A share class' description and limits (configs/share_classes/{class}.yaml).</summary>
/// <param name="ShareClass">The class.</param>
/// <param name="Description">One line for listings.</param>
/// <param name="Decimals">Token decimals of the class' asset.</param>
/// <param name="MarketNeutral">Whether strategies of the class hedge price exposure.</param>
/// <param name="MaxLeverage">Leverage ceiling for the class' modes.</param>
/// <param name="MaxDrawdown">Drawdown budget of the class.</param>
/// <param name="TargetApyLow">Lower end of the target APY range.</param>
/// <param name="TargetApyHigh">Upper end of the target APY range.</param>
/// <param name="Modes">Modes reporting in this class.</param>
public sealed record ShareClassSettings(
    ShareClass ShareClass,
    string Description,
    int Decimals,
    bool MarketNeutral,
    double MaxLeverage,
    double MaxDrawdown,
    double TargetApyLow,
    double TargetApyHigh,
    IReadOnlyList<string> Modes);
