using Basis.Core.Market;
using Basis.Core.Time;
using Basis.Data.Canonical;

namespace Basis.Data.Tests.Validation;

/// <summary>A temporary canonical data folder: good rows through the real writer, broken files by hand.</summary>
internal sealed class SyntheticFolder : IDisposable
{
    public static readonly DateTime March = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    public string Root { get; } = Directory.CreateTempSubdirectory("basis-validation-").FullName;

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>Unix seconds of <paramref name="start"/> plus each offset in hours.</summary>
    public static long[] Hours(DateTime start, params int[] offsets) =>
        [.. offsets.Select(h => UnixTime.ToSeconds(start.AddHours(h)))];

    /// <summary>Unix seconds of <paramref name="start"/> plus 0, 1, ... count - 1 hours.</summary>
    public static long[] HourRange(DateTime start, int count) => Hours(start, [.. Enumerable.Range(0, count)]);

    /// <summary>Writes rows whose every column holds <paramref name="value"/>(row, column).</summary>
    public void Write(string series, long[] times, Func<int, int, double> value)
    {
        var id = SeriesId.Parse(series);
        var columns = SeriesCatalog.Spec(id).Columns
            .Select((_, c) => times.Select((_, row) => value(row, c)).ToArray())
            .ToArray();
        CanonicalSeriesWriter.Write(Root, new SeriesData(id, times, columns));
    }

    /// <summary>Writes rows with the same value in every column.</summary>
    public void Write(string series, long[] times, double value = 1) => Write(series, times, (_, _) => value);

    /// <summary>Writes consistent OHLCV bars: low 1 below the open, high 1 above the close.</summary>
    public void WriteBars(string series, long[] times) =>
        Write(series, times, (row, column) => column switch
        {
            0 => 100 + row,       // open
            1 => 100 + row + 1.5, // high
            2 => 100 + row - 1,   // low
            3 => 100 + row + 0.5, // close
            _ => 10,              // volume
        });

    /// <summary>Writes a month file's text as is, for files the writer refuses to produce.</summary>
    public string WriteRaw(string series, int year, int month, string text)
    {
        var path = CanonicalLayout.MonthFile(Root, SeriesId.Parse(series), year, month);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes any file under the root, for files outside the layout.</summary>
    public void WriteOther(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
