using System.Buffers;
using System.IO.Compression;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Basis.Core.Events;
using Basis.Core.Results;
using Basis.Core.Simulation;
using Basis.Core.Time;

namespace Basis.Data.Results;

/// <summary>
/// A finished run as one compact, lossless block of bytes: its summary, its timeseries bit for bit (NaN and
/// infinities included), its events and its final positions. A run stores its <c>summary.json</c> and this pack;
/// <c>timeseries.csv</c>, <c>events.jsonl</c> and <c>report.html</c> are rendered from the pack when first asked for,
/// byte-identical to rendering the run itself: <c>ResultArtefacts.Render(Unpack(Pack(r)))</c> equals
/// <c>ResultArtefacts.Render(r)</c>.
/// </summary>
/// <remarks>
/// <para>
/// Layout, through <see cref="StateBytes"/> (little-endian, doubles bit-exact): the magic <c>BSRP</c> and
/// <see cref="FormatVersion"/>; the summary as JSON (the result conventions, NaN and infinities as named literals),
/// length first; the timeseries: its first hour (UTC ticks), its hours, its column names, then one bit per cell, hour
/// after hour (set when the cell holds exactly the value of the cell above it), and the count and raw bits of the
/// other cells; the events as <see cref="SimulationEventJson"/>, their length, then Brotli-compressed; the final
/// positions, count first, each as key and quantity.
/// </para>
/// <para>
/// Why so: a year is 8,760 rows of 20–60 columns, and half to three quarters of the cells repeat the hour before (a
/// source that is zero throughout, a position between rebalances), so the repeats cost a bit each; the other values
/// are raw, as segments carry them (formatting or compressing doubles costs more time than it saves bytes). Events
/// are JSON from the engine's own serializer, which compresses about seven-fold at Brotli's fastest quality.
/// </para>
/// </remarks>
public static class ResultPack
{
    /// <summary>The version of the layout written; <see cref="Unpack"/> refuses any other.</summary>
    public const byte FormatVersion = 1;

    private const string What = "result pack";

    /// <summary>Brotli's fastest quality: a year of events (~450 KB of JSON) shrinks about seven-fold in about a millisecond.</summary>
    private const int EventsQuality = 1;

    private const int EventsWindow = 22;

    private static ReadOnlySpan<byte> Magic => "BSRP"u8;

    /// <summary>The result as bytes, for <see cref="Unpack"/>.</summary>
    public static byte[] Pack(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var summary = JsonSerializer.SerializeToUtf8Bytes(result.Summary, ResultJson.Lossless);
        var timeseries = result.Timeseries;
        var values = timeseries.Values;
        var columns = timeseries.Columns.Count;
        var repeats = new byte[(values.Length + 7) / 8];
        var others = ArrayPool<double>.Shared.Rent(Math.Max(values.Length, 1));
        using var events = new PooledBufferWriter(256 + (result.Events.Count * 256));
        byte[]? compressed = null;
        try
        {
            var otherCount = SplitRepeats(values, columns, repeats, others);
            SimulationEventJson.Write(events, result.Events);
            var eventsLength = events.WrittenSpan.Length;
            compressed = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(eventsLength));
            var compressedLength = Compress(events.WrittenSpan, compressed);
            var capacity = 64 + summary.Length + (columns * 48) + repeats.Length + (otherCount * sizeof(double)) + compressedLength + (result.FinalPositions.Count * 48);
            return StateBytes.Write(
                writer =>
                {
                    StateBytes.WriteHeader(writer, Magic, FormatVersion);
                    writer.Write(summary.Length);
                    writer.Write(summary);

                    writer.Write(timeseries.Grid.Start.Ticks);
                    writer.Write(timeseries.Grid.Hours);
                    writer.Write(columns);
                    foreach (var column in timeseries.Columns)
                    {
                        writer.Write(column);
                    }

                    writer.Write(repeats);
                    writer.Write(otherCount);
                    writer.Write(MemoryMarshal.AsBytes(others.AsSpan(0, otherCount)));

                    writer.Write(eventsLength);
                    writer.Write(compressedLength);
                    writer.Write(compressed.AsSpan(0, compressedLength));

                    writer.Write(result.FinalPositions.Count);
                    foreach (var (key, quantity) in result.FinalPositions)
                    {
                        writer.Write(key);
                        writer.Write(quantity);
                    }
                },
                capacity);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(others);
            if (compressed is not null)
            {
                ArrayPool<byte>.Shared.Return(compressed);
            }
        }
    }

    /// <summary>
    /// Reads a pack written by <see cref="Pack"/>. Throws <see cref="InvalidDataException"/> for bytes that are not a
    /// result pack, are of another format version, are truncated or do not hold together.
    /// </summary>
    public static BacktestResult Unpack(ReadOnlySpan<byte> bytes) => StateBytes.Read(bytes, What, reader =>
    {
        try
        {
            return Read(reader);
        }
        catch (FormatException exception)
        {
            // A string's length prefix that is not one (BinaryReader.ReadString).
            throw new InvalidDataException($"The result pack is corrupt: {exception.Message}", exception);
        }
    });

    private static BacktestResult Read(BinaryReader reader)
    {
        StateBytes.ReadHeader(reader, Magic, FormatVersion, What);
        var summary = ReadSummary(ReadBlock(reader, reader.ReadInt32()));
        var timeseries = ReadTimeseries(reader);
        var events = ReadEvents(reader);

        var positionCount = reader.ReadInt32();
        Require(positionCount >= 0, $"a count of {positionCount} final positions");
        EnsureRemaining(reader, positionCount * (1L + sizeof(double)));
        var positions = new Dictionary<string, double>(positionCount, StringComparer.Ordinal);
        for (var i = 0; i < positionCount; i++)
        {
            var key = reader.ReadString();
            Require(positions.TryAdd(key, reader.ReadDouble()), $"final position '{key}' twice");
        }

        return new BacktestResult(summary, timeseries, events, positions);
    }

    /// <summary>
    /// Marks each cell equal bit for bit to the cell an hour before (one bit per cell, row after row) and copies the
    /// others, in order, into <paramref name="others"/>; returns how many there are.
    /// </summary>
    private static int SplitRepeats(ReadOnlySpan<double> values, int columns, Span<byte> repeats, Span<double> others)
    {
        var bits = MemoryMarshal.Cast<double, long>(values);
        var count = 0;
        for (var i = 0; i < bits.Length; i++)
        {
            if (i >= columns && bits[i] == bits[i - columns])
            {
                repeats[i >> 3] |= (byte)(1 << (i & 7));
            }
            else
            {
                others[count++] = values[i];
            }
        }

        return count;
    }

    private static Timeseries ReadTimeseries(BinaryReader reader)
    {
        var startTicks = reader.ReadInt64();
        var hours = reader.ReadInt32();
        var columnCount = reader.ReadInt32();
        Require(
            startTicks >= 0 && startTicks % TimeSpan.TicksPerHour == 0 && hours > 0 && columnCount >= 0
                && hours <= (DateTime.MaxValue.Ticks - startTicks) / TimeSpan.TicksPerHour,
            $"a timeseries of {hours} hours from tick {startTicks} with {columnCount} columns");
        var start = new DateTime(startTicks, DateTimeKind.Utc);
        var grid = new HourGrid(start, start.AddHours(hours));

        EnsureRemaining(reader, columnCount);
        var names = new string[columnCount];
        for (var c = 0; c < columnCount; c++)
        {
            names[c] = reader.ReadString();
        }

        var cells = (long)hours * columnCount;
        Require(cells <= Array.MaxLength, $"{cells} timeseries cells");
        var repeats = ReadBlock(reader, (int)((cells + 7) / 8));
        var otherCount = reader.ReadInt32();
        Require(otherCount >= 0 && otherCount + RepeatCount(repeats, columnCount, cells) == cells, $"{otherCount} stored timeseries cells beside the repeated ones of {cells}");
        EnsureRemaining(reader, otherCount * (long)sizeof(double));

        var values = ArrayPool<double>.Shared.Rent(Math.Max((int)cells, 1));
        try
        {
            var others = MemoryMarshal.AsBytes(values.AsSpan(0, otherCount));
            if (reader.Read(others) != others.Length)
            {
                throw new EndOfStreamException();
            }

            // Fill from the end: the stored values sit at the front of the same array, and cell i only ever moves to a
            // position at or after its stored one, so nothing is overwritten before it is read.
            var next = otherCount;
            for (var i = (int)cells - 1; i >= 0; i--)
            {
                if ((repeats[i >> 3] & (1 << (i & 7))) == 0)
                {
                    values[i] = values[--next];
                }
            }

            for (var i = columnCount; i < cells; i++)
            {
                if ((repeats[i >> 3] & (1 << (i & 7))) != 0)
                {
                    values[i] = values[i - columnCount];
                }
            }

            return Timeseries.FromRows(grid, names, values.AsSpan(0, (int)cells));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(values);
        }
    }

    /// <summary>How many cells repeat the one above them; a mark on the first row or past the last cell, which has no cell above it, is refused.</summary>
    private static long RepeatCount(byte[] repeats, int columns, long cells)
    {
        for (var i = 0L; i < Math.Min(columns, cells); i++)
        {
            Require((repeats[i >> 3] & (1 << (int)(i & 7))) == 0, $"a repeat mark on cell {i} of the first hour");
        }

        Require(cells % 8 == 0 || repeats[^1] >> (int)(cells % 8) == 0, "repeat marks past the last cell");
        long count = 0;
        foreach (var b in repeats)
        {
            count += BitOperations.PopCount(b);
        }

        return count;
    }

    private static BacktestSummary ReadSummary(byte[] json)
    {
        try
        {
            return JsonSerializer.Deserialize<BacktestSummary>(json, ResultJson.Lossless)
                ?? throw new InvalidDataException("The result pack's summary is null.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"The result pack's summary is not a summary: {exception.Message}", exception);
        }
    }

    private static int Compress(ReadOnlySpan<byte> json, Span<byte> compressed) =>
        BrotliEncoder.TryCompress(json, compressed, out var written, EventsQuality, EventsWindow)
            ? written
            : throw new InvalidOperationException($"Brotli could not compress {json.Length} bytes of events into {compressed.Length}.");

    private static IReadOnlyList<SimulationEvent> ReadEvents(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        var compressed = ReadBlock(reader, reader.ReadInt32());
        Require(length >= 0, $"{length} bytes of events");
        var json = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            Require(BrotliDecoder.TryDecompress(compressed, json.AsSpan(0, length), out var written) && written == length, $"events that do not decompress to the {length} bytes recorded");
            return SimulationEventJson.FromUtf8Bytes(json.AsSpan(0, length), What);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(json);
        }
    }

    private static byte[] ReadBlock(BinaryReader reader, int length)
    {
        Require(length >= 0, $"a block of {length} bytes");
        EnsureRemaining(reader, length);
        return reader.ReadBytes(length);
    }

    /// <summary>Refuses a length the remaining bytes cannot hold before allocating for it: those bytes are truncated (or corrupt).</summary>
    private static void EnsureRemaining(BinaryReader reader, long bytes)
    {
        if (bytes > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new EndOfStreamException();
        }
    }

    private static void Require(bool condition, string found)
    {
        if (!condition)
        {
            throw new InvalidDataException($"The result pack is corrupt: it holds {found}.");
        }
    }
}
