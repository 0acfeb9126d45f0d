namespace Basis.Data.Canonical;

/// <summary>A market-data setting is missing or unusable; the message names the variable, never its value.</summary>
public sealed class MarketDataSettingsException(string setting, string problem) : Exception($"{setting}: {problem}")
{
    /// <summary>The environment variable to fix.</summary>
    public string Setting { get; } = setting;
}
