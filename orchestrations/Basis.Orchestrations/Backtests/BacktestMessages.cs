namespace Basis.Orchestrations.Backtests;

/// <summary>What planning found: the run's hours, its month segments and the data blobs to load.</summary>
public sealed record BacktestPlan(int Hours, IReadOnlyList<SegmentRange> Segments, IReadOnlyList<DataBlob> Blobs);

/// <summary>A loaded and checked blob: how many rows it holds.</summary>
public sealed record BlobReport(string Blob, int Rows);

/// <summary>The input of one simulation segment: the request, which segment, and the state the previous one left.</summary>
public sealed record SegmentInput(BacktestRequest Request, int Index, SegmentRange Range, byte[]? Checkpoint);

/// <summary>A finished segment: the engine state to continue from and the engine time it took.</summary>
public sealed record SegmentDone(byte[] Checkpoint, double ElapsedMs);

/// <summary>The input of the final step: assemble the segments into results and keep them.</summary>
public sealed record PersistInput(BacktestRequest Request, int Segments, byte[] Checkpoint, double EngineMs);

/// <summary>A run that failed, to be recorded as such.</summary>
public sealed record RunFailure(string Kind, string Error);

/// <summary>
/// A sweep's run reporting back to its sweep (an external event on the sweep's instance): which run, and why it
/// failed if it did. Its figures stay in the result store: a thousand reports are replayed on every turn of the
/// sweep, so they carry no more than they must.
/// </summary>
public sealed record ChildCompleted(string ParentInstanceId, string RunId, string? Error);
