import { lazy, Suspense, useState } from "react";
import type { ApiClient, RunStatus } from "../api/client";
import { isActive } from "../api/results";
import { parseEvents } from "../api/results";
import { AttributionTable } from "../components/AttributionTable";
import { Downloads } from "../components/Downloads";
import { EventsTable } from "../components/EventsTable";
import { MetricCards } from "../components/MetricCards";
import { RunProgress } from "../components/RunProgress";
import { ErrorMessage, Loading } from "../components/Status";
import { formatTime } from "../format";
import { Link } from "../router";
import { useApi, usePolled } from "../useApi";

const RunCharts = lazy(() => import("../components/RunCharts"));

/** How often a pending or running backtest's status is read again. */
export const pollMilliseconds = 1000;

/** One backtest: its progress while it runs, then its figures, charts and attribution (or why it failed). */
export function RunPage({ client, id }: { client: ApiClient; id: string }) {
  const status = usePolled(() => client.backtest(id), [client, id], isActive, pollMilliseconds);
  return (
    <>
      <h1>{id}</h1>
      {status.state === "loading" && <Loading what="the run" />}
      {status.state === "error" && <ErrorMessage error={status.error} />}
      {status.state === "ready" && <RunBody client={client} status={status.data} />}
    </>
  );
}

function RunBody({ client, status }: { client: ApiClient; status: RunStatus }) {
  if (isActive(status)) {
    return <RunProgress status={status} />;
  }

  if (status.runtimeStatus !== "Completed") {
    return (
      <p className="status error" role="alert">
        {status.runtimeStatus}: {status.error ?? "no reason given"}
      </p>
    );
  }

  return <RunResult client={client} id={status.id} sweep={status.sweep} />;
}

/** A completed run's result; a sweep's run kept its summary only, so it has no charts, events or report. */
function RunResult({ client, id, sweep }: { client: ApiClient; id: string; sweep: string | null }) {
  const [attempt, setAttempt] = useState(0);
  const summary = useApi(() => client.backtestResult(id), [client, id, attempt]);
  // Read once for both the funding chart and the events table.
  const events = useApi(async () => (sweep ? [] : parseEvents(await client.backtestEvents(id))), [client, id, sweep, attempt]);
  // Asked for with the summary rather than once the charts' chunk has loaded: on a year of hours it is the largest read.
  const timeseries = useApi(async () => (sweep ? "" : client.backtestTimeseries(id)), [client, id, sweep, attempt]);
  if (summary.state === "loading") {
    return <Loading what="the result" />;
  }

  if (summary.state === "error") {
    return summary.error.kind === "not-ready" ? (
      <div className="status" role="status">
        <p>The result is not ready yet. {summary.error.message}</p>
        <button type="button" onClick={() => setAttempt((n) => n + 1)}>
          Try again
        </button>
      </div>
    ) : (
      <ErrorMessage error={summary.error} />
    );
  }

  return (
    <>
      <p>
        {summary.data.mode} ({summary.data.share_class}), {formatTime(summary.data.start)} → {formatTime(summary.data.end)}
      </p>
      <MetricCards summary={summary.data} />
      <section aria-labelledby="overrides-heading" className="overrides">
        <h2 id="overrides-heading">Overrides</h2>
        {summary.data.overrides.length === 0 ? (
          <p>None: the mode's configuration as it is.</p>
        ) : (
          <ul>
            {summary.data.overrides.map((override) => (
              <li key={override}>
                <code>{override}</code>
              </li>
            ))}
          </ul>
        )}
      </section>
      {sweep ? (
        <p className="hint">
          A run of sweep <Link to={`/sweeps/${encodeURIComponent(sweep)}`}>{sweep}</Link>: a sweep keeps its runs' summaries only, so there are no
          charts, events or report.
        </p>
      ) : (
        <Suspense fallback={<Loading what="the charts" />}>
          <RunCharts client={client} summary={summary.data} timeseries={timeseries} events={events} />
        </Suspense>
      )}
      <AttributionTable summary={summary.data} />
      {!sweep && events.state === "loading" && <Loading what="the events" />}
      {!sweep && events.state === "error" && <ErrorMessage error={events.error} />}
      {!sweep && events.state === "ready" && <EventsTable runId={id} events={events.data} />}
      <Downloads client={client} id={id} summaryOnly={sweep !== null} />
    </>
  );
}
