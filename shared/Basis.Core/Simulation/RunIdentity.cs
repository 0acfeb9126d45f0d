using Basis.Core.Results;
using Basis.Core.Strategies;
using Basis.Core.Time;

namespace Basis.Core.Simulation;

/// <summary>
/// The run a checkpoint or segment was made for, stored in its bytes so that state from another run (another spec,
/// period, configuration or strategy) is refused rather than silently continued.
/// </summary>
internal sealed record RunIdentity(string RunId, string Mode, string ConfigHash, DateTime StartUtc, int Hours, int Instruments)
{
    public static RunIdentity Of(BacktestSpec spec, IStrategy strategy, HourGrid grid) =>
        new(spec.RunId, spec.Mode.Mode, spec.ConfigHash, grid.Start, grid.Hours, strategy.Instruments.Count);

    public static RunIdentity Read(BinaryReader reader) =>
        new(reader.ReadString(), reader.ReadString(), reader.ReadString(), new DateTime(reader.ReadInt64(), DateTimeKind.Utc), reader.ReadInt32(), reader.ReadInt32());

    public void Write(BinaryWriter writer)
    {
        writer.Write(RunId);
        writer.Write(Mode);
        writer.Write(ConfigHash);
        writer.Write(StartUtc.Ticks);
        writer.Write(Hours);
        writer.Write(Instruments);
    }

    /// <summary>Throws unless <paramref name="madeFor"/> is this run.</summary>
    public void Require(RunIdentity madeFor, string what, string parameter)
    {
        if (madeFor != this)
        {
            throw new ArgumentException($"The {what} was made for {madeFor}, not for this run ({this}).", parameter);
        }
    }

    /// <summary>
    /// Throws unless <paramref name="madeFor"/> is this run on a grid that this one extends: the same run from the same
    /// start, at least as long (a live instance's grid grows by an hour each cycle).
    /// </summary>
    public void RequireExtensionOf(RunIdentity madeFor, string what, string parameter)
    {
        if (madeFor with { Hours = Hours } != this || madeFor.Hours > Hours)
        {
            throw new ArgumentException($"The {what} was made for {madeFor}, which this run ({this}) does not extend.", parameter);
        }
    }

    public override string ToString() =>
        $"run '{RunId}' of mode {Mode}: {Hours} hours from {UnixTime.Format(StartUtc)}, config {ConfigHash}, {Instruments} instruments";
}
