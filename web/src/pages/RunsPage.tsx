import type { ApiClient } from "../api/client";
import { ErrorMessage, Loading } from "../components/Status";
import { formatTime } from "../format";
import { Link } from "../router";
import { useApi } from "../useApi";

/** The server's backtests, newest first. */
export function RunsPage({ client }: { client: ApiClient }) {
  const runs = useApi(() => client.listBacktests(), [client]);
  return (
    <>
      <h1>Backtests</h1>
      <p>
        <Link to="/backtests/new" className="button">
          New backtest
        </Link>
      </p>
      {runs.state === "loading" && <Loading what="the backtests" />}
      {runs.state === "error" && <ErrorMessage error={runs.error} />}
      {runs.state === "ready" && runs.data.length === 0 && <p>No backtests yet.</p>}
      {runs.state === "ready" && runs.data.length > 0 && (
        <table className="runs">
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">Updated</th>
              <th scope="col">Sweep</th>
            </tr>
          </thead>
          <tbody>
            {runs.data.map((run) => (
              <tr key={run.id}>
                <td>
                  <Link to={`/runs/${encodeURIComponent(run.id)}`}>{run.id}</Link>
                </td>
                <td title={run.error ?? undefined}>
                  <span className={`badge ${run.status.toLowerCase()}`}>{run.status}</span>
                </td>
                <td>{formatTime(run.created)}</td>
                <td>{formatTime(run.updated)}</td>
                <td>{run.sweep ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
