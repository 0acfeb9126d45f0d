namespace Basis.Core.Strategies;

/// <summary>A mode's settings cannot be run as given (a required price series missing, a venue misconfigured).</summary>
public sealed class StrategySetupException : Exception
{
    /// <summary>Creates the exception; the message names the setting to change.</summary>
    public StrategySetupException(string message)
        : base(message)
    {
    }
}
