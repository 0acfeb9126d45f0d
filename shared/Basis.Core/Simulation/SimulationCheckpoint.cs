namespace Basis.Core.Simulation;

/// <summary>
/// The state of a <see cref="BacktestSimulation"/> after its last simulated hour: everything needed to continue the
/// run in another process (positions, running totals, counters, reward accruals, the strategy's own state), but not
/// the timeseries rows and events already produced, which travel in <see cref="SimulationSegment"/>s. Opaque;
/// <see cref="ToBytes"/> and <see cref="FromBytes"/> round-trip it exactly.
/// </summary>
public sealed class SimulationCheckpoint
{
    private const byte Kind = (byte)'C';
    private readonly byte[] _state;

    internal SimulationCheckpoint(RunIdentity run, int nextHour, byte[] state)
    {
        Run = run;
        NextHour = nextHour;
        _state = state;
    }

    /// <summary>The first hour not yet simulated.</summary>
    public int NextHour { get; }

    internal RunIdentity Run { get; }

    /// <summary>The engine's state, as <see cref="BacktestSimulation"/> wrote it.</summary>
    internal ReadOnlySpan<byte> State => _state;

    /// <summary>The checkpoint as bytes, for <see cref="FromBytes"/>.</summary>
    public byte[] ToBytes() => StateBytes.Write(writer =>
    {
        StateBytes.WriteHeader(writer, Kind);
        Run.Write(writer);
        writer.Write(NextHour);
        writer.Write(_state.Length);
        writer.Write(_state);
    });

    /// <summary>Reads a checkpoint written by <see cref="ToBytes"/>; throws <see cref="InvalidDataException"/> for anything else.</summary>
    public static SimulationCheckpoint FromBytes(ReadOnlySpan<byte> bytes) => StateBytes.Read(bytes, "simulation checkpoint", reader =>
    {
        StateBytes.ReadHeader(reader, Kind, "simulation checkpoint");
        var run = RunIdentity.Read(reader);
        var nextHour = reader.ReadInt32();
        var length = reader.ReadInt32();
        var state = reader.ReadBytes(length);
        return state.Length == length ? new SimulationCheckpoint(run, nextHour, state) : throw new EndOfStreamException();
    });
}
