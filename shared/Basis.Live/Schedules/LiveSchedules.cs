using Basis.Configuration.Loading;
using Basis.Configuration.Reading;
using Basis.Configuration.Tree;
using NCrontab;

namespace Basis.Live.Schedules;

/// <summary>
/// The schedules of the live timers, from <c>configs/schedules/live.yaml</c>: six-field NCRONTAB expressions
/// (second minute hour day month day-of-week, UTC), parsed as the Azure Functions TimerTrigger parses them.
/// </summary>
public sealed class LiveSchedules
{
    /// <summary>The file's path under the configs folder.</summary>
    public const string RelativePath = "schedules/live.yaml";

    private static readonly CrontabSchedule.ParseOptions SecondsFirst = new() { IncludingSeconds = true };

    // Returned beside an error, never used: Bind throws.
    private static readonly CrontabSchedule Placeholder = CrontabSchedule.Parse("0 0 0 1 1 *", SecondsFirst);
    private readonly IReadOnlyDictionary<LiveTimer, CrontabSchedule> _schedules;

    private LiveSchedules(IReadOnlyDictionary<LiveTimer, CrontabSchedule> schedules)
    {
        _schedules = schedules;
    }

    /// <summary>The schedule of <paramref name="timer"/>.</summary>
    public CrontabSchedule this[LiveTimer timer] => _schedules[timer];

    /// <summary>Loads <c>schedules/live.yaml</c> from <paramref name="configsDirectory"/>.</summary>
    /// <exception cref="Basis.Configuration.ConfigException">Every problem, each naming the file, line and key.</exception>
    public static LiveSchedules Load(string configsDirectory) => From(YamlConfigFile.Load(Path.Combine(configsDirectory, RelativePath)));

    /// <summary>Reads one key per timer; a missing, unknown or unparsable key is an error at its file and line.</summary>
    /// <exception cref="Basis.Configuration.ConfigException">Every problem found.</exception>
    public static LiveSchedules From(ConfigNode root) => ConfigReader.Bind(root, reader => new LiveSchedules(
        Enum.GetValues<LiveTimer>().ToDictionary(timer => timer, timer => Read(reader.Value(KeyOf(timer))))));

    private static string KeyOf(LiveTimer timer) => timer.ToString().ToLowerInvariant();

    private static CrontabSchedule Read(ConfigValue value)
    {
        // AsString reports a missing, null or empty value itself.
        var expression = value.AsString();
        if (expression.Length == 0)
        {
            return Placeholder;
        }

        try
        {
            return CrontabSchedule.Parse(expression, SecondsFirst);
        }
        catch (CrontabException e)
        {
            value.AddError($"is not a six-field NCRONTAB expression (second minute hour day month day-of-week): {e.Message}");
            return Placeholder;
        }
    }
}
