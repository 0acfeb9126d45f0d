namespace Basis.Core.Time;

/// <summary>
/// The hourly UTC grid <c>[Start, End)</c> a simulation runs on. Hour <c>h</c> is <c>Start + h hours</c>.
/// </summary>
public readonly record struct HourGrid
{
    /// <summary>Creates a grid; both bounds must be whole UTC hours and <paramref name="endUtc"/> after <paramref name="startUtc"/>.</summary>
    public HourGrid(DateTime startUtc, DateTime endUtc)
    {
        EnsureWholeUtcHour(startUtc, nameof(startUtc));
        EnsureWholeUtcHour(endUtc, nameof(endUtc));
        if (endUtc <= startUtc)
        {
            throw new ArgumentException($"The grid end {endUtc:O} must be after its start {startUtc:O}.", nameof(endUtc));
        }

        Start = startUtc;
        Hours = checked((int)((endUtc - startUtc).Ticks / TimeSpan.TicksPerHour));
    }

    /// <summary>The first hour of the grid (UTC).</summary>
    public DateTime Start { get; }

    /// <summary>Number of hours on the grid.</summary>
    public int Hours { get; }

    /// <summary>The first hour after the grid (exclusive bound).</summary>
    public DateTime End => Start.AddHours(Hours);

    /// <summary>The UTC time of hour <paramref name="hour"/>.</summary>
    public DateTime TimeOf(int hour) => Start.AddHours(hour);

    /// <summary>Unix seconds of hour <paramref name="hour"/>.</summary>
    public long UnixSecondsOf(int hour) => UnixTime.ToSeconds(Start) + (hour * 3600L);

    /// <summary>True when <paramref name="utc"/> is a whole UTC hour.</summary>
    public static bool IsWholeUtcHour(DateTime utc) => utc.Kind == DateTimeKind.Utc && utc.Ticks % TimeSpan.TicksPerHour == 0;

    private static void EnsureWholeUtcHour(DateTime value, string name)
    {
        if (!IsWholeUtcHour(value))
        {
            throw new ArgumentException($"{name} must be a whole UTC hour, got {value:O} ({value.Kind}).", name);
        }
    }
}
