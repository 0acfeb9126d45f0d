import { useState } from "react";
import type { ApiClient, ComponentHealth } from "../api/client";
import { StateBadge } from "../components/LiveBadges";
import { ErrorMessage, Loading } from "../components/Status";
import { formatNumber, formatTime, toNumber } from "../format";
import { useApi } from "../useApi";
import { ScrollBox } from "../components/ScrollBox";

/** GET /health/detailed: the server, the machine and every component, readable when one fails (503). */
export default function HealthPage({ client }: { client: ApiClient }) {
  const [reads, setReads] = useState(0);
  const health = useApi(() => client.healthDetailed(), [client, reads]);
  return (
    <>
      <h1>Health</h1>
      {health.state === "loading" && <Loading what="the server's health" />}
      {health.state === "error" && <ErrorMessage error={health.error} />}
      {health.state === "ready" && (
        <>
          <p className={health.data.status === "healthy" ? "status" : "status error"} role="status">
            The server is <StateBadge value={health.data.status} />: {toNumber(health.data.summary.healthy_components)} of{" "}
            {toNumber(health.data.summary.total_components)} components healthy, {toNumber(health.data.summary.unhealthy_components)} unhealthy (checked{" "}
            {formatTime(health.data.timestamp)}).
          </p>
          <dl className="cards">
            <Card label="Service" value={`${health.data.service} (${health.data.execution_mode})`} />
            <Card label="Uptime" value={uptime(toNumber(health.data.uptime_seconds))} />
            {Object.entries(health.data.system).map(([name, value]) => (
              <Card key={name} label={figureLabel(name)} value={value === null || value === undefined ? "n/a" : `${formatNumber(toNumber(value as number | string), 1)}${figureUnit(name)}`} />
            ))}
          </dl>
          <ScrollBox label="Components">
            <table className="components">
              <caption>Components</caption>
              <thead>
                <tr>
                  <th scope="col">Component</th>
                  <th scope="col">Status</th>
                  <th scope="col">Description</th>
                  <th scope="col">Checks</th>
                  <th scope="col">Time</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(health.data.components).map(([name, component]) => (
                  <ComponentRow key={name} name={name} component={component} />
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <p>
            <button type="button" onClick={() => setReads((n) => n + 1)}>
              Check again
            </button>
          </p>
        </>
      )}
    </>
  );
}

function ComponentRow({ name, component }: { name: string; component: ComponentHealth }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>
        <StateBadge value={component.status} />
        {component.error_code && <div className="hint">{component.error_code}</div>}
      </td>
      <td>{component.description}</td>
      <td>
        <ul className="checks">
          {Object.entries(component.readiness_checks).map(([check, passed]) => (
            <li key={check} className={passed ? undefined : "negative"}>
              {passed ? "✓" : "✗"} {check.replaceAll("_", " ")}
            </li>
          ))}
        </ul>
      </td>
      <td>{formatNumber(toNumber(component.elapsed_ms), 1)} ms</td>
    </tr>
  );
}

function Card({ label, value }: { label: string; value: string }) {
  return (
    <div className="card">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function uptime(seconds: number): string {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return days > 0 ? `${days} d ${hours} h` : hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min ${seconds % 60} s`;
}

/** `memory_available_gb` → "memory available"; the unit goes with the figure. */
function figureLabel(name: string): string {
  return name.replace(/_(percent|gb|mb)$/, "").replaceAll("_", " ").replace(/^cpu/, "CPU");
}

function figureUnit(name: string): string {
  return name.endsWith("_percent") ? " %" : name.endsWith("_gb") ? " GiB" : name.endsWith("_mb") ? " MiB" : "";
}
