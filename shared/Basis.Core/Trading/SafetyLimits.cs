namespace Basis.Core.Trading;

/// <summary>The limits the <see cref="SafetyGate"/> holds every intent to.</summary>
/// <param name="ReadOnly">When true, intents are recorded and nothing is carried out.</param>
/// <param name="MaxTradeSizeUsd">The largest notional sent as one intent; larger intents go in equal parts.</param>
/// <param name="MaxParts">
/// The most parts one intent is split into; an intent larger than that many times the limit is refused, since it
/// is more likely a mistake than a trade.
/// </param>
public sealed record SafetyLimits(bool ReadOnly, double MaxTradeSizeUsd, int MaxParts = 100)
{
    /// <summary>Throws when a limit is not usable.</summary>
    public SafetyLimits Validate()
    {
        if (!(MaxTradeSizeUsd > 0) || !double.IsFinite(MaxTradeSizeUsd))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTradeSizeUsd), MaxTradeSizeUsd, "The maximum trade size must be a positive number of USD.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxParts, 1, nameof(MaxParts));
        return this;
    }
}
