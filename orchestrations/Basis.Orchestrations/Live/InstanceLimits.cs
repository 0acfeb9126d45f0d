using System.Text.Json;
using Basis.Live.Ledger;
using Basis.Live.Safety;

namespace Basis.Orchestrations.Live;

/// <summary>An instance's effective limits: the host's, tightened by the instance's own (its <c>limits</c> object).</summary>
internal sealed record InstanceLimits(double MaxTradeSizeUsd, double EmergencyStopLossPct)
{
    public static InstanceLimits Of(LiveInstance instance, LiveTradingSettings settings)
    {
        var (maxTrade, stopLoss) = ((double)settings.MaxTradeSizeUsd, (double)settings.EmergencyStopLossPct);
        using var limits = JsonDocument.Parse(instance.LimitsJson);
        if (limits.RootElement.ValueKind == JsonValueKind.Object)
        {
            if (limits.RootElement.TryGetProperty("max_trade_size_usd", out var trade) && trade.TryGetDouble(out var ownTrade))
            {
                maxTrade = Math.Min(maxTrade, ownTrade);
            }

            if (limits.RootElement.TryGetProperty("emergency_stop_loss_pct", out var loss) && loss.TryGetDouble(out var ownLoss))
            {
                stopLoss = Math.Min(stopLoss, ownLoss);
            }
        }

        return new InstanceLimits(maxTrade, stopLoss);
    }
}
