using System.Globalization;
using System.Text;
using Basis.Core.Results;

namespace Basis.Data.Results;

/// <summary>
/// Writes <c>timeseries.csv</c> as UTF-8 straight into one buffer. A year is 8,760 rows of 20–60 values, and
/// formatting each value to its shortest round-trip text is most of the cost; so each column keeps the text of its
/// last value and a value equal to it bit for bit (a source that is zero throughout, a position between
/// rebalances: half the cells of a typical run) is copied rather than formatted again. Timestamps are whole hours,
/// so the date is formatted once a day.
/// </summary>
internal static class TimeseriesCsv
{
    /// <summary>Room for one value's text; the longest is 24 bytes (<c>-2.2250738585072014E-308</c>).</summary>
    private const int NumberBytes = 32;

    /// <summary><c>2024-06-01T00:00:00Z</c>.</summary>
    private const int TimestampBytes = 20;

    public static byte[] Write(Timeseries timeseries)
    {
        var grid = timeseries.Grid;
        var columns = timeseries.Columns.Count;
        var values = timeseries.Values;

        // Most values take 10–20 bytes; a generous guess avoids growing the buffer (it is pooled, not zeroed).
        using var output = new PooledBufferWriter(checked(1024 + (grid.Hours * (TimestampBytes + 2 + (columns * 22)))));
        WriteHeader(output, timeseries.Columns);

        var texts = new byte[columns * NumberBytes];
        var textLengths = new int[columns];
        var textBits = new long[columns];
        Array.Fill(textLengths, -1);
        Span<byte> date = stackalloc byte[11];
        var day = DateTime.MinValue;
        var rowBytes = TimestampBytes + 1 + (columns * (NumberBytes + 1));
        for (var h = 0; h < grid.Hours; h++)
        {
            var time = grid.TimeOf(h);
            if (time.Date != day)
            {
                day = time.Date;
                if (!day.TryFormat(date, out var written, "yyyy-MM-dd'T'", CultureInfo.InvariantCulture) || written != date.Length)
                {
                    throw new InvalidOperationException($"The date of {time:O} does not format as yyyy-MM-dd.");
                }
            }

            var row = output.GetSpan(rowBytes);
            date.CopyTo(row);
            row[11] = (byte)('0' + (time.Hour / 10));
            row[12] = (byte)('0' + (time.Hour % 10));
            ":00:00Z"u8.CopyTo(row[13..]);
            var at = TimestampBytes;
            var rowValues = values.Slice(h * columns, columns);
            for (var c = 0; c < columns; c++)
            {
                row[at++] = (byte)',';
                var value = rowValues[c];
                var bits = BitConverter.DoubleToInt64Bits(value);
                var text = texts.AsSpan(c * NumberBytes, NumberBytes);
                if (textLengths[c] < 0 || textBits[c] != bits)
                {
                    textLengths[c] = Format(value, text);
                    textBits[c] = bits;
                }

                text[..textLengths[c]].CopyTo(row[at..]);
                at += textLengths[c];
            }

            row[at++] = (byte)'\n';
            output.Advance(at);
        }

        return output.ToArray();
    }

    /// <summary>The invariant round-trip text (<c>"R"</c>) of a finite value; nothing for an infinite or NaN one (an empty cell).</summary>
    private static int Format(double value, Span<byte> text)
    {
        if (!double.IsFinite(value))
        {
            return 0;
        }

        return value.TryFormat(text, out var written, "R", CultureInfo.InvariantCulture)
            ? written
            : throw new InvalidOperationException($"{value.ToString("R", CultureInfo.InvariantCulture)} does not fit {text.Length} bytes.");
    }

    private static void WriteHeader(PooledBufferWriter output, IReadOnlyList<string> columns)
    {
        output.Write("timestamp"u8);
        foreach (var column in columns)
        {
            output.Write(","u8);
            var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(column.Length));
            output.Advance(Encoding.UTF8.GetBytes(column, span));
        }

        output.Write("\n"u8);
    }
}
