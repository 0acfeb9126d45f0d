import { useState } from "react";
import type { ApiClient } from "../api/client";
import { ErrorMessage, Loading } from "../components/Status";
import { formatTime } from "../format";
import { Link, navigate } from "../router";
import { useApi } from "../useApi";
import { ScrollBox } from "../components/ScrollBox";

/** How many runs a comparison takes. */
export const compareMin = 2;
export const compareMax = 5;

/** The comparison page of some runs. */
export function comparePath(ids: string[]): string {
  return `/compare/${ids.map(encodeURIComponent).join(",")}`;
}

/** The server's backtests, newest first; completed ones can be selected (2 to 5) for a comparison. */
export function RunsPage({ client }: { client: ApiClient }) {
  const runs = useApi(() => client.listBacktests(), [client]);
  const [selected, setSelected] = useState<string[]>([]);
  const toggle = (id: string) => setSelected((before) => (before.includes(id) ? before.filter((s) => s !== id) : [...before, id]));
  const comparable = selected.length >= compareMin && selected.length <= compareMax;
  return (
    <>
      <h1>Backtests</h1>
      <div className="toolbar">
        <Link to="/backtests/new" className="button">
          New backtest
        </Link>
        <button type="button" disabled={!comparable} onClick={() => navigate(comparePath(selected))}>
          Compare selected ({selected.length})
        </button>
        <span className="hint" id="compare-hint">
          Select {compareMin} to {compareMax} completed runs to compare them.
        </span>
      </div>
      {runs.state === "loading" && <Loading what="the backtests" />}
      {runs.state === "error" && <ErrorMessage error={runs.error} />}
      {runs.state === "ready" && runs.data.length === 0 && <p>No backtests yet.</p>}
      {runs.state === "ready" && runs.data.length > 0 && (
        <ScrollBox label="Backtests">
          <table className="runs">
            <thead>
              <tr>
                <th scope="col">Compare</th>
                <th scope="col">Run</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col">Updated</th>
                <th scope="col">Sweep</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.map((run) => {
                const checked = selected.includes(run.id);
                return (
                  <tr key={run.id}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Select ${run.id}`}
                        aria-describedby="compare-hint"
                        checked={checked}
                        // A sweep's runs keep their summary only, so they compare too; unfinished ones have nothing yet.
                        disabled={run.status !== "Completed" || (!checked && selected.length >= compareMax)}
                        onChange={() => toggle(run.id)}
                      />
                    </td>
                    <td>
                      <Link to={`/runs/${encodeURIComponent(run.id)}`}>{run.id}</Link>
                    </td>
                    <td title={run.error ?? undefined}>
                      <span className={`badge ${run.status.toLowerCase()}`}>{run.status}</span>
                    </td>
                    <td>{formatTime(run.created)}</td>
                    <td>{formatTime(run.updated)}</td>
                    <td>{run.sweep ? <Link to={`/sweeps/${encodeURIComponent(run.sweep)}`}>{run.sweep}</Link> : ""}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </>
  );
}
