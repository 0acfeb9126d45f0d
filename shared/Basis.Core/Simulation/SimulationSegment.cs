using System.Runtime.InteropServices;
using Basis.Core.Events;

namespace Basis.Core.Simulation;

/// <summary>
/// What <see cref="BacktestSimulation.RunUntil"/> produced for the hours [<see cref="FromHour"/>, <see cref="ToHour"/>):
/// their timeseries rows and events, to be put together by <see cref="BacktestSimulation.Assemble"/>. Opaque;
/// <see cref="ToBytes"/> and <see cref="FromBytes"/> round-trip it exactly.
/// </summary>
public sealed class SimulationSegment
{
    private const byte Kind = (byte)'S';

    internal SimulationSegment(RunIdentity run, int fromHour, int toHour, int columns, double[] rows, IReadOnlyList<SimulationEvent> events)
    {
        Run = run;
        FromHour = fromHour;
        ToHour = toHour;
        Columns = columns;
        Rows = rows;
        Events = events;
    }

    /// <summary>The first hour simulated.</summary>
    public int FromHour { get; }

    /// <summary>The hour after the last one simulated.</summary>
    public int ToHour { get; }

    internal RunIdentity Run { get; }

    internal int Columns { get; }

    /// <summary>The rows of the hours, one after another (the drawdown column is filled on assembly).</summary>
    internal double[] Rows { get; }

    /// <summary>The events of the hours, in order.</summary>
    public IReadOnlyList<SimulationEvent> Events { get; }

    /// <summary>
    /// The timeseries row of an hour of the segment, in the order of <see cref="BacktestSimulation.Columns"/> (its
    /// drawdown cell is 0: drawdown is filled on assembly).
    /// </summary>
    public ReadOnlySpan<double> Row(int hour)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hour, FromHour);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(hour, ToHour);
        return Rows.AsSpan((hour - FromHour) * Columns, Columns);
    }

    /// <summary>The segment as bytes, for <see cref="FromBytes"/>.</summary>
    public byte[] ToBytes() => StateBytes.Write(writer =>
    {
        StateBytes.WriteHeader(writer, Kind);
        Run.Write(writer);
        writer.Write(FromHour);
        writer.Write(ToHour);
        writer.Write(Columns);
        // Rows go as their raw bytes in one block (a year is ~300,000 values); .NET's platforms are little-endian, as BinaryWriter is.
        writer.Write(MemoryMarshal.AsBytes(Rows.AsSpan()));

        var events = SimulationEventJson.ToUtf8Bytes(Events);
        writer.Write(events.Length);
        writer.Write(events);
    });

    /// <summary>Reads a segment written by <see cref="ToBytes"/>; throws <see cref="InvalidDataException"/> for anything else.</summary>
    public static SimulationSegment FromBytes(ReadOnlySpan<byte> bytes) => StateBytes.Read(bytes, "simulation segment", reader =>
    {
        StateBytes.ReadHeader(reader, Kind, "simulation segment");
        var run = RunIdentity.Read(reader);
        var (fromHour, toHour, columns) = (reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
        if (fromHour < 0 || toHour < fromHour || toHour > run.Hours || columns <= 0)
        {
            throw new InvalidDataException($"The simulation segment's hours [{fromHour}, {toHour}) or its {columns} columns do not fit its run of {run.Hours} hours.");
        }

        var rows = new double[(long)(toHour - fromHour) * columns];
        var rowBytes = MemoryMarshal.AsBytes(rows.AsSpan());
        if (reader.Read(rowBytes) != rowBytes.Length)
        {
            throw new EndOfStreamException();
        }

        var length = reader.ReadInt32();
        var json = reader.ReadBytes(length);
        if (json.Length != length)
        {
            throw new EndOfStreamException();
        }

        var events = SimulationEventJson.FromUtf8Bytes(json, "simulation segment");
        return new SimulationSegment(run, fromHour, toHour, columns, rows, events);
    });
}

