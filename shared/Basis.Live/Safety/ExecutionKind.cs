namespace Basis.Live.Safety;

/// <summary>How a live instance's intents are carried out.</summary>
public enum ExecutionKind
{
    /// <summary>Live market data, simulated fills: the default everywhere.</summary>
    Paper,

    /// <summary>Orders, transfers and transactions sent to the venues and the chain.</summary>
    Real,
}
