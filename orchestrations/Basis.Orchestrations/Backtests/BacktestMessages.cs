namespace Basis.Orchestrations.Backtests;

/// <summary>The input of one simulation segment of a long run: the request, which segment, and the state the previous one left.</summary>
public sealed record SegmentInput(BacktestRequest Request, int Index, SegmentRange Range, byte[]? Checkpoint);

/// <summary>A finished segment: the engine state to continue from and the engine time it took.</summary>
public sealed record SegmentDone(byte[] Checkpoint, double ElapsedMs);

/// <summary>The last step of a long run: assemble its segments into the run's result and keep it.</summary>
public sealed record AssembleInput(BacktestRequest Request, int Segments, byte[] Checkpoint, double EngineMs);
