/** Paper or real, unmistakably: real trades with real funds, in a warning colour. */
export function ExecutionBadge({ execution }: { execution: string }) {
  const real = execution === "real";
  return (
    <span className={`badge execution ${real ? "real" : "paper"}`} title={real ? "Real execution: orders reach the venues with real funds" : "Paper: live data, simulated fills"}>
      {real ? "REAL" : execution === "paper" ? "PAPER" : execution.toUpperCase()}
    </span>
  );
}

/** An instance's status (active, paused, halted, stopped) or health (healthy, unhealthy, idle). */
export function StateBadge({ value }: { value: string }) {
  return <span className={`badge ${value.toLowerCase()}`}>{value}</span>;
}
