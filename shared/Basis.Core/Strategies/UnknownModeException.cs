namespace Basis.Core.Strategies;

/// <summary>A mode name that is not known, or known but not built yet; the message lists the valid names.</summary>
public sealed class UnknownModeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnknownModeException(string message)
        : base(message)
    {
    }
}
