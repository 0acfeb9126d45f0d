import type { ApiClient } from "../api/client";
import { ErrorMessage, Loading } from "../components/Status";
import { formatTime } from "../format";
import { Link } from "../router";
import { useApi } from "../useApi";
import { ScrollBox } from "../components/ScrollBox";

/** The server's sweeps, newest first, each linking to its page. */
export default function SweepsPage({ client }: { client: ApiClient }) {
  const sweeps = useApi(() => client.listSweeps(), [client]);
  return (
    <>
      <h1>Sweeps</h1>
      {sweeps.state === "loading" && <Loading what="the sweeps" />}
      {sweeps.state === "error" && <ErrorMessage error={sweeps.error} />}
      {sweeps.state === "ready" && sweeps.data.length === 0 && (
        <p>No sweeps yet: start one with POST /api/v1/sweeps (docs/http-api.md).</p>
      )}
      {sweeps.state === "ready" && sweeps.data.length > 0 && (
        <ScrollBox label="Sweeps">
          <table className="runs" aria-label="Sweeps">
            <thead>
              <tr>
                <th scope="col">Sweep</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {sweeps.data.map((sweep) => (
                <tr key={sweep.id}>
                  <td>
                    <Link to={`/sweeps/${encodeURIComponent(sweep.id)}`}>{sweep.id}</Link>
                  </td>
                  <td title={sweep.error ?? undefined}>
                    <span className={`badge ${sweep.status.toLowerCase()}`}>{sweep.status}</span>
                  </td>
                  <td>{formatTime(sweep.created)}</td>
                  <td>{formatTime(sweep.updated)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </>
  );
}
