using System.Globalization;
using Basis.Core.Simulation;

namespace Basis.Configuration.Binding;

/// <summary>
/// Reads <c>--flows FILE</c>: a CSV with the header <c>time,amount</c>, one flow per line (UTC time; amount in
/// share-class units, positive deposits, negative withdrawals). Every bad line is reported with its number.
/// </summary>
public static class CapitalFlowsFile
{
    private static readonly string[] TimeFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    /// <summary>Loads the flows with the line each came from.</summary>
    public static IReadOnlyList<(CapitalFlow Flow, ConfigSource Source)> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException([new ConfigError(ConfigSource.InFile(path), string.Empty, "flows file is missing")]);
        }

        var lines = File.ReadAllLines(path);
        var errors = new List<ConfigError>();
        var flows = new List<(CapitalFlow, ConfigSource)>();
        if (lines.Length == 0 || lines[0].Trim() != "time,amount")
        {
            errors.Add(new ConfigError(ConfigSource.InFile(path, 1), string.Empty, "the first line must be the header time,amount"));
        }

        for (var i = 1; i < lines.Length; i++)
        {
            var source = ConfigSource.InFile(path, i + 1);
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var fields = lines[i].Split(',');
            if (fields.Length != 2)
            {
                errors.Add(new ConfigError(source, string.Empty, $"expected time,amount, got '{lines[i]}'"));
                continue;
            }

            if (!DateTime.TryParseExact(fields[0].Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
            {
                errors.Add(new ConfigError(source, "time", $"'{fields[0].Trim()}' is not a UTC time (2025-02-01 or 2025-02-01T06:00Z)"));
                continue;
            }

            if (!double.TryParse(fields[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || !double.IsFinite(amount) || amount == 0)
            {
                errors.Add(new ConfigError(source, "amount", $"'{fields[1].Trim()}' is not a non-zero amount"));
                continue;
            }

            flows.Add((new CapitalFlow(DateTime.SpecifyKind(time, DateTimeKind.Utc), amount), source));
        }

        ConfigException.ThrowIfAny(errors);
        return flows;
    }
}
