namespace Basis.Core.Trading;

/// <summary>What the <see cref="SafetyGate"/> did with an intent.</summary>
public enum GateVerdict
{
    /// <summary>Within the limits: handed to the desk whole.</summary>
    Passed,

    /// <summary>Larger than the maximum trade size: handed to the desk in equal parts, each within it.</summary>
    Split,

    /// <summary>Refused: not handed to the desk.</summary>
    Refused,

    /// <summary>Read-only: recorded, not handed to the desk.</summary>
    Withheld,
}
