using System.Globalization;
using System.Text.Json;

namespace Basis.Server.Tests.Support;

/// <summary>A results folder read back: summary.json, timeseries.csv and events.jsonl.</summary>
internal sealed class RunFiles
{
    private RunFiles(JsonElement summary, string[] columns, List<string[]> rows, List<JsonElement> events)
    {
        Summary = summary;
        Columns = columns;
        Rows = rows;
        Events = events;
    }

    public JsonElement Summary { get; }

    public string[] Columns { get; }

    public List<string[]> Rows { get; }

    public List<JsonElement> Events { get; }

    public double Capital => Summary.GetProperty("initial_capital").GetDouble();

    public static RunFiles Read(string folder)
    {
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json"))).RootElement.Clone();
        var lines = File.ReadAllLines(Path.Combine(folder, "timeseries.csv"));
        var events = File.ReadAllLines(Path.Combine(folder, "events.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        return new RunFiles(summary, lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToList(), events);
    }

    public double Attribution(string source) => Summary.GetProperty("attribution").GetProperty(source).GetDouble();

    public double Number(string field) => Summary.GetProperty(field).GetDouble();

    /// <summary>A timeseries value; empty cells (infinite values) read as +∞.</summary>
    public double Cell(int row, string column)
    {
        var index = Array.IndexOf(Columns, column);
        Assert.True(index >= 0, $"timeseries has no column {column}");
        var text = Rows[row][index];
        return text.Length == 0 ? double.PositiveInfinity : double.Parse(text, CultureInfo.InvariantCulture);
    }

    public DateTime Time(int row) => DateTime.Parse(Rows[row][0], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    public IEnumerable<JsonElement> EventsOf(string type) => Events.Where(e => e.GetProperty("type").GetString() == type);
}
