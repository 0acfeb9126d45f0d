using Basis.Core.Instruments;

namespace Basis.Core.Settings;

/// <summary>A centralised exchange's parameters (configs/venues/{venue}.yaml).</summary>
/// <param name="Venue">The exchange.</param>
/// <param name="SpotFees">Spot fee schedule.</param>
/// <param name="PerpFees">Perpetuals fee schedule.</param>
/// <param name="MaintenanceMargin">Margin ratio below which a perp position is liquidated.</param>
/// <param name="LiquidationFeeBps">Fee charged on the notional of a liquidated position.</param>
/// <param name="UsdtWithdrawalFee">Flat fee, in USDT, for withdrawing USDT to another venue or the wallet.</param>
public sealed record ExchangeSettings(
    Venue Venue,
    TradingFees SpotFees,
    TradingFees PerpFees,
    double MaintenanceMargin,
    double LiquidationFeeBps,
    double UsdtWithdrawalFee);
