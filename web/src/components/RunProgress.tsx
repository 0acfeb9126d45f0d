import type { RunStatus } from "../api/client";
import { progressOf } from "../api/results";
import { formatPercent, formatTime } from "../format";

/** A pending or running backtest: its phase, segment and progress. */
export function RunProgress({ status }: { status: RunStatus }) {
  const progress = progressOf(status);
  if (!progress) {
    return <p role="status">{status.runtimeStatus}: waiting for the engine to start it…</p>;
  }

  return (
    <section aria-label="Progress">
      <p role="status">
        {progress.phase}, segment {progress.segment} of {progress.segments} ({formatTime(progress.from)} → {formatTime(progress.to)}):{" "}
        {formatPercent(progress.progress)}
      </p>
      <progress max={1} value={progress.progress} aria-label="Backtest progress" />
    </section>
  );
}
