import type { ApiClient } from "../api/client";
import { ExecutionBadge, StateBadge } from "../components/LiveBadges";
import { ErrorMessage, Loading } from "../components/Status";
import { formatTimeOrNever } from "../format";
import { Link } from "../router";
import { useApi } from "../useApi";
import { ScrollBox } from "../components/ScrollBox";

/** Every live instance: paper or real, status, health and why, heartbeat, last cycle, breaches. */
export default function LiveListPage({ client }: { client: ApiClient }) {
  const instances = useApi(() => client.listLive(), [client]);
  return (
    <>
      <h1>Live instances</h1>
      <p>
        <Link to="/live/new" className="button">
          New live instance
        </Link>
      </p>
      {instances.state === "loading" && <Loading what="the live instances" />}
      {instances.state === "error" && <ErrorMessage error={instances.error} />}
      {instances.state === "ready" && instances.data.length === 0 && (
        <p>
          No live instances yet. Create one with <code>basis live create</code> or <code>POST /api/v1/live</code>.
        </p>
      )}
      {instances.state === "ready" && instances.data.length > 0 && (
        <ScrollBox label="Live instances">
          <table className="runs live">
            <thead>
              <tr>
                <th scope="col">Instance</th>
                <th scope="col">Execution</th>
                <th scope="col">Mode</th>
                <th scope="col">Share class</th>
                <th scope="col">Status</th>
                <th scope="col">Health</th>
                <th scope="col">Last heartbeat</th>
                <th scope="col">Last cycle</th>
                <th scope="col">Breaches</th>
              </tr>
            </thead>
            <tbody>
              {instances.data.map((instance) => (
                <tr key={instance.id} className={instance.execution === "real" ? "real-row" : undefined}>
                  <td>
                    <Link to={`/live/${encodeURIComponent(instance.id)}`}>{instance.name}</Link>
                    <div className="hint">{instance.id}</div>
                  </td>
                  <td>
                    <ExecutionBadge execution={instance.execution} />
                  </td>
                  <td>{instance.mode}</td>
                  <td>{instance.share_class}</td>
                  <td>
                    <StateBadge value={instance.status} />
                  </td>
                  <td>
                    <StateBadge value={instance.health} />
                    <div className="hint">{instance.health_reason}</div>
                  </td>
                  <td>{formatTimeOrNever(instance.last_heartbeat_utc)}</td>
                  <td>{formatTimeOrNever(instance.last_cycle_utc)}</td>
                  <td>{instance.breaches.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </>
  );
}
