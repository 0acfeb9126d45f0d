using Basis.Configuration.Environments;
using Basis.Configuration.Reading;

namespace Basis.Live.Safety;

/// <summary>
/// The live-trading safety switches and limits (<c>BASIS_LIVE_TRADING__*</c>, DESIGN §11), bound from the same
/// layered settings as the host's (env.unified ← .env.$BASIS_ENVIRONMENT ← local.settings.json ← the process).
/// Every default is the safe one: disabled, read-only, small trades, circuit breaker on.
/// </summary>
/// <param name="Enabled">Master switch; nothing real happens while false.</param>
/// <param name="ReadOnly">Watch and reconcile only; real orders need this false as well as <paramref name="Enabled"/>.</param>
/// <param name="MaxTradeSizeUsd">The cap on one trade's notional, in USD.</param>
/// <param name="EmergencyStopLossPct">Drawdown from the high-water mark, in percent, past which the instance unwinds.</param>
/// <param name="HeartbeatTimeout">How long without a heartbeat before the instance is unhealthy and stops new orders.</param>
/// <param name="CircuitBreakerEnabled">
/// Halt on reconciliation mismatch, venue errors or health-factor/margin breaches (below <see cref="HealthFactorFloor"/>
/// or <see cref="MarginRatioFloor"/>).
/// </param>
public sealed record LiveTradingSettings(
    bool Enabled,
    bool ReadOnly,
    decimal MaxTradeSizeUsd,
    decimal EmergencyStopLossPct,
    TimeSpan HeartbeatTimeout,
    bool CircuitBreakerEnabled)
{
    /// <summary>The prefix of every variable read here.</summary>
    public const string Prefix = "BASIS_LIVE_TRADING__";

    public const string EnabledVariable = Prefix + "ENABLED";
    public const string ReadOnlyVariable = Prefix + "READ_ONLY";
    public const string MaxTradeSizeUsdVariable = Prefix + "MAX_TRADE_SIZE_USD";
    public const string EmergencyStopLossPctVariable = Prefix + "EMERGENCY_STOP_LOSS_PCT";
    public const string HeartbeatTimeoutSecondsVariable = Prefix + "HEARTBEAT_TIMEOUT_SECONDS";
    public const string CircuitBreakerEnabledVariable = Prefix + "CIRCUIT_BREAKER_ENABLED";
    public const string HealthFactorFloorVariable = Prefix + "HEALTH_FACTOR_FLOOR";
    public const string MarginRatioFloorVariable = Prefix + "MARGIN_RATIO_FLOOR";

    /// <summary>
    /// 1,000 USD: enough for a first small real position on every venue we trade (their minimum notionals are 5–100
    /// USD), small enough that a wrong decision costs little. Raising it is a deliberate act.
    /// </summary>
    public const decimal DefaultMaxTradeSizeUsd = 1_000m;

    /// <summary>5 %: a market-neutral book should never draw down this far; a directional one is stopped early.</summary>
    public const decimal DefaultEmergencyStopLossPct = 5m;

    /// <summary>180 s: three missed beats of the default one-minute heartbeat schedule.</summary>
    public const int DefaultHeartbeatTimeoutSeconds = 180;

    /// <summary>
    /// 1.01: AAVE liquidates at 1; the leveraged modes deleverage themselves below their own <c>hf_floor</c> (1.02), so
    /// a book still under 1.01 at the end of an hour is one the strategy could not save.
    /// </summary>
    public const double DefaultHealthFactorFloor = 1.01;

    /// <summary>
    /// 0.02 (margin over notional): four times the venues' 0.5 % maintenance margin, far under every mode's top-up
    /// threshold (0.15 and up), so a perp this thin at the end of an hour is one the strategy failed to top up.
    /// </summary>
    public const double DefaultMarginRatioFloor = 0.02;

    /// <summary>The health factor an AAVE book must stay at or above at the end of every hour, else the circuit breaker trips.</summary>
    public double HealthFactorFloor { get; init; } = DefaultHealthFactorFloor;

    /// <summary>The margin ratio (margin over notional) every perp must stay at or above at the end of every hour, else the circuit breaker trips.</summary>
    public double MarginRatioFloor { get; init; } = DefaultMarginRatioFloor;

    /// <summary>The settings when nothing is set: paper only.</summary>
    public static LiveTradingSettings Default { get; } = new(
        Enabled: false,
        ReadOnly: true,
        DefaultMaxTradeSizeUsd,
        DefaultEmergencyStopLossPct,
        TimeSpan.FromSeconds(DefaultHeartbeatTimeoutSeconds),
        CircuitBreakerEnabled: true);

    /// <summary>
    /// Reads the <c>BASIS_LIVE_TRADING__*</c> names of <paramref name="settings"/> (others are ignored); empty means
    /// the default. Throws a ConfigException naming every bad variable and its problem (never its value).
    /// </summary>
    public static LiveTradingSettings From(SettingsDictionary settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var own = settings.Where(name => name.StartsWith(Prefix, StringComparison.Ordinal));
        return ConfigReader.Bind(own.ToConfigNode(), reader =>
        {
            var errorsBefore = reader.Errors.Count;
            var maxTradeSizeUsd = reader.Optional(MaxTradeSizeUsdVariable, DefaultMaxTradeSizeUsd);
            // A value that does not parse reads as 0 and is reported already.
            if (maxTradeSizeUsd <= 0 && reader.Errors.Count == errorsBefore)
            {
                reader.AddError(MaxTradeSizeUsdVariable, "must be a positive number of USD");
            }

            return new LiveTradingSettings(
                reader.Optional(EnabledVariable, Default.Enabled),
                reader.Optional(ReadOnlyVariable, Default.ReadOnly),
                maxTradeSizeUsd,
                reader.Optional(EmergencyStopLossPctVariable, DefaultEmergencyStopLossPct, min: 0m, max: 100m),
                TimeSpan.FromSeconds(reader.Optional(HeartbeatTimeoutSecondsVariable, DefaultHeartbeatTimeoutSeconds, min: 1)),
                reader.Optional(CircuitBreakerEnabledVariable, Default.CircuitBreakerEnabled))
            {
                HealthFactorFloor = reader.Optional(HealthFactorFloorVariable, DefaultHealthFactorFloor, min: 1.0),
                MarginRatioFloor = reader.Optional(MarginRatioFloorVariable, DefaultMarginRatioFloor, min: 0.0, max: 1.0),
            };
        });
    }
}
