namespace Basis.Venues.Exchanges;

/// <summary>A missing or unusable setting for an exchange client; the message names the variable, never its value.</summary>
public sealed class ExchangeConfigurationException(string variableName, string message) : Exception(message)
{
    public string VariableName { get; } = variableName;
}
