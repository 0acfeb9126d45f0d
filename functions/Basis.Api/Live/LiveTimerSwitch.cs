namespace Basis.Api.Live;

/// <summary>
/// Whether the host's live timers run: only in <c>live</c> execution mode (<c>BASIS_EXECUTION_MODE</c>), so a
/// backtest host (<c>platform.sh backtest</c>, the default) never rebalances an instance on a schedule.
/// </summary>
public sealed record LiveTimerSwitch(bool On);
