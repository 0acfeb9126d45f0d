using System.Globalization;
using Basis.Configuration;
using Basis.Configuration.Environments;

namespace Basis.Api.Live;

/// <summary>
/// The clock of a host's live side: when instances are created and change status, when heartbeats beat, when the
/// timers fire and which hours a cycle runs up to. The system clock, unless <c>BASIS_LIVE_CLOCK_START</c> names a UTC
/// time: the live clock then reads that time when the host starts and runs on from it in real time, so a paper instance
/// can be replayed over market data of the past (the bundled sample, a test). Nothing else in the host moves: runs,
/// records and timer delays keep the system clock.
/// </summary>
public sealed class LiveClock : TimeProvider
{
    /// <summary>The setting that starts the live clock at a given time.</summary>
    public const string Setting = "BASIS_LIVE_CLOCK_START";

    private readonly TimeProvider _system;
    private readonly TimeSpan _offset;

    private LiveClock(TimeProvider system, TimeSpan offset)
    {
        _system = system;
        _offset = offset;
    }

    /// <summary>The system clock itself.</summary>
    public static LiveClock Real { get; } = new(TimeProvider.System, TimeSpan.Zero);

    /// <summary>True when the clock is shifted by <see cref="Setting"/>.</summary>
    public bool IsShifted => _offset != TimeSpan.Zero;

    /// <summary>
    /// The live clock of <paramref name="settings"/>: the system clock when <see cref="Setting"/> is empty, else one
    /// reading its time now. Throws a <see cref="ConfigException"/> naming the setting (and the source) when it is not
    /// an ISO 8601 time.
    /// </summary>
    public static LiveClock From(SettingsDictionary settings, TimeProvider? system = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        system ??= TimeProvider.System;
        var value = settings.ContainsKey(Setting) ? settings[Setting].Trim() : string.Empty;
        if (value.Length == 0)
        {
            return system == TimeProvider.System ? Real : new LiveClock(system, TimeSpan.Zero);
        }

        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start))
        {
            throw new ConfigException([new ConfigError(settings.SourceOf(Setting), Setting, "must be a UTC time such as 2025-02-01T00:30:00Z")]);
        }

        return new LiveClock(system, start - system.GetUtcNow());
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _system.GetUtcNow() + _offset;

    /// <inheritdoc />
    public override long GetTimestamp() => _system.GetTimestamp();

    /// <inheritdoc />
    public override long TimestampFrequency => _system.TimestampFrequency;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _system.LocalTimeZone;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _system.CreateTimer(callback, state, dueTime, period);
}
