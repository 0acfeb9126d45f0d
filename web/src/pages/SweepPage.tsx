import type { ApiClient, RunStatus } from "../api/client";
import { isActive, type SweepOutcome, type SweepProgress } from "../api/results";
import { SweepHeatmap, gridAxes, varyingKeys } from "../components/SweepHeatmap";
import { ErrorMessage, Loading } from "../components/Status";
import { formatNumber, formatPercent } from "../format";
import { Link } from "../router";
import { useApi, usePolled } from "../useApi";
import { pollMilliseconds } from "./RunPage";
import { ScrollBox } from "../components/ScrollBox";

/** The figures shown for each ranked run, besides the one it is ranked by. */
const shownMetrics = ["apy", "sharpe", "max_drawdown", "final_equity"];

/** One sweep: its progress while it runs, then its ranking, a heatmap when two settings vary, and the failed runs. */
export default function SweepPage({ client, id }: { client: ApiClient; id: string }) {
  const status = usePolled(() => client.sweep(id), [client, id], isActive, pollMilliseconds);
  return (
    <>
      <h1>{id}</h1>
      {status.state === "loading" && <Loading what="the sweep" />}
      {status.state === "error" && <ErrorMessage error={status.error} />}
      {status.state === "ready" && <SweepBody client={client} status={status.data} />}
    </>
  );
}

function SweepBody({ client, status }: { client: ApiClient; status: RunStatus }) {
  const progress = status.customStatus as SweepProgress | null;
  if (isActive(status)) {
    return progress && typeof progress.progress === "number" ? (
      <section aria-label="Progress">
        <p role="status">
          {progress.phase}: {progress.completed} of {progress.runs} runs done, {progress.failed} failed ({formatPercent(progress.progress)})
        </p>
        <progress max={1} value={progress.progress} aria-label="Sweep progress" />
      </section>
    ) : (
      <p role="status">{status.runtimeStatus}: waiting for the engine to start it…</p>
    );
  }

  if (status.runtimeStatus !== "Completed") {
    return (
      <p className="status error" role="alert">
        {status.runtimeStatus}: {status.error ?? "no reason given"}
      </p>
    );
  }

  return <SweepResult client={client} id={status.id} />;
}

function SweepResult({ client, id }: { client: ApiClient; id: string }) {
  const outcome = useApi(() => client.sweepResult(id), [client, id]);
  if (outcome.state === "loading") return <Loading what="the ranking" />;
  if (outcome.state === "error") return <ErrorMessage error={outcome.error} />;
  return <Ranking outcome={outcome.data} />;
}

/** A figure as summary.json holds it: fractions as percentages, the rest plain. */
function figure(name: string, value: number | null | undefined): string {
  const fraction = ["apy", "apr", "total_return", "max_drawdown", "volatility", "max_ltv", "max_abs_delta"].includes(name);
  return value === undefined ? "" : fraction ? formatPercent(value) : formatNumber(value, name === "final_equity" ? 2 : 3);
}

function Ranking({ outcome }: { outcome: SweepOutcome }) {
  const axes = gridAxes(outcome);
  const varying = varyingKeys(outcome);
  const metrics = shownMetrics.filter((name) => name !== outcome.rankBy);
  return (
    <>
      <p>
        {outcome.ranking.length} runs ranked by {outcome.rankBy} ({outcome.ascending ? "smallest" : "largest"} first)
        {outcome.failures.length > 0 && `, ${outcome.failures.length} failed`}.
      </p>
      {axes && <SweepHeatmap outcome={outcome} axes={axes} />}
      <ScrollBox label="Ranking">
        <table className="runs" aria-label="Ranking">
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Run</th>
              {varying.map((key) => (
                <th key={key} scope="col">
                  {key}
                </th>
              ))}
              <th scope="col">{outcome.rankBy}</th>
              {metrics.map((name) => (
                <th key={name} scope="col">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {outcome.ranking.map((run) => (
              <tr key={run.runId}>
                <td>{run.rank}</td>
                <td>
                  <Link to={`/runs/${encodeURIComponent(run.runId)}`}>{run.runId}</Link>
                </td>
                {varying.map((key) => (
                  <td key={key}>{run.parameters[key]}</td>
                ))}
                <td className="number">{figure(outcome.rankBy, run.value)}</td>
                {metrics.map((name) => (
                  <td key={name} className="number">
                    {figure(name, run.metrics[name])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {outcome.failures.length > 0 && (
        <table className="runs" aria-label="Failed runs">
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Parameters</th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {outcome.failures.map((failure) => (
              <tr key={failure.runId}>
                <td>
                  <Link to={`/runs/${encodeURIComponent(failure.runId)}`}>{failure.runId}</Link>
                </td>
                <td>
                  {Object.entries(failure.parameters)
                    .map(([key, value]) => `${key}=${value}`)
                    .join(", ")}
                </td>
                <td>{failure.error}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
