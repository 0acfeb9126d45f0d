using System.Text.Json;
using Basis.Live.Ledger;
using Basis.Live.Safety;

namespace Basis.Orchestrations.Live;

/// <summary>
/// An instance's effective limits: the host's, tightened by the instance's own (its <c>limits</c> object): a lower
/// trade size or stop loss, a higher health-factor or margin-ratio floor.
/// </summary>
internal sealed record InstanceLimits(double MaxTradeSizeUsd, double EmergencyStopLossPct, BreakerPolicy Breaker)
{
    public static InstanceLimits Of(LiveInstance instance, LiveTradingSettings settings)
    {
        var (maxTrade, stopLoss) = ((double)settings.MaxTradeSizeUsd, (double)settings.EmergencyStopLossPct);
        var breaker = BreakerPolicy.Of(settings);
        using var limits = JsonDocument.Parse(instance.LimitsJson);
        if (limits.RootElement.ValueKind == JsonValueKind.Object)
        {
            var own = limits.RootElement;
            maxTrade = Math.Min(maxTrade, Own(own, "max_trade_size_usd") ?? maxTrade);
            stopLoss = Math.Min(stopLoss, Own(own, "emergency_stop_loss_pct") ?? stopLoss);
            breaker = breaker with
            {
                HealthFactorFloor = Math.Max(breaker.HealthFactorFloor, Own(own, "health_factor_floor") ?? 0),
                MarginRatioFloor = Math.Max(breaker.MarginRatioFloor, Own(own, "margin_ratio_floor") ?? 0),
            };
        }

        return new InstanceLimits(maxTrade, stopLoss, breaker);
    }

    private static double? Own(JsonElement limits, string name) =>
        limits.TryGetProperty(name, out var value) && value.TryGetDouble(out var number) ? number : null;
}
