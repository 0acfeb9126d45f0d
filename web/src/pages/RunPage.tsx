import { useMemo, useState } from "react";
import type { ApiClient, BacktestChart, RunStatus } from "../api/client";
import { isActive, parseEvents, type RunEvent, type Summary } from "../api/results";
import { AttributionTable } from "../components/AttributionTable";
import { Downloads } from "../components/Downloads";
import { EventsTable } from "../components/EventsTable";
import { MetricCards } from "../components/MetricCards";
import { RunProgress } from "../components/RunProgress";
import { ErrorMessage, Loading } from "../components/Status";
import { formatTime } from "../format";
import { Link } from "../router";
import { useApi, usePolled } from "../useApi";

/** A completed run's reads, asked for before its status says it has completed, and the charts' code (uPlot: a chunk of its own). */
interface EarlyReads {
  summary: Promise<Summary>;
  events: Promise<RunEvent[]>;
  chart: Promise<BacktestChart>;
  charts: Promise<typeof import("../components/RunCharts")>;
}

/**
 * Most run pages are opened on a completed run, so its result, chart and events are asked for with its status rather
 * than after it (on a year of hours the longest wait of the page), and the charts' code with them: loaded as data, not
 * by React.lazy, whose Suspense holds back what it waited for by up to 300 ms. A run still going (or a sweep's) answers
 * those with a problem: each is then asked for again once the status says what the run has.
 */
function readEarly(client: ApiClient, id: string): EarlyReads {
  const reads = {
    summary: client.backtestResult(id),
    events: client.backtestEvents(id).then(parseEvents),
    chart: client.backtestChart(id),
    charts: import("../components/RunCharts"),
  };
  // A read the page never uses (a sweep's run has no events) must not fail as unhandled.
  Object.values(reads).forEach((read: Promise<unknown>) => read.catch(() => {}));
  return reads;
}

/** How often a pending or running backtest's status is read again. */
export const pollMilliseconds = 1000;

/** One backtest: its progress while it runs, then its figures, charts and attribution (or why it failed). */
export function RunPage({ client, id }: { client: ApiClient; id: string }) {
  const status = usePolled(() => client.backtest(id), [client, id], isActive, pollMilliseconds);
  const early = useMemo(() => readEarly(client, id), [client, id]);
  return (
    <>
      <h1>{id}</h1>
      {status.state === "loading" && <Loading what="the run" />}
      {status.state === "error" && <ErrorMessage error={status.error} />}
      {status.state === "ready" && <RunBody client={client} status={status.data} early={early} />}
    </>
  );
}

function RunBody({ client, status, early }: { client: ApiClient; status: RunStatus; early: EarlyReads }) {
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

  return <RunResult client={client} id={status.id} sweep={status.sweep} early={early} />;
}

/** A completed run's result; a sweep's run kept its summary only, so it has no charts, events or report. */
function RunResult({ client, id, sweep, early }: { client: ApiClient; id: string; sweep: string | null; early: EarlyReads }) {
  const [attempt, setAttempt] = useState(0);
  // The early read, unless it failed (the run was still going) or the reader asks again.
  const read = <T,>(earlier: Promise<T>, again: () => Promise<T>) => (attempt === 0 ? earlier.catch(again) : again());
  const summary = useApi(() => read(early.summary, () => client.backtestResult(id)), [client, id, early, attempt]);
  // Read once for both the funding chart and the events table.
  const events = useApi(async () => (sweep ? [] : read(early.events, async () => parseEvents(await client.backtestEvents(id)))), [client, id, sweep, early, attempt]);
  const chart = useApi(async () => (sweep ? null : read(early.chart, () => client.backtestChart(id))), [client, id, sweep, early, attempt]);
  const charts = useApi(() => early.charts, [early]);
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
        <>
          {charts.state === "loading" && <Loading what="the charts" />}
          {charts.state === "error" && <ErrorMessage error={charts.error} />}
          {charts.state === "ready" && <charts.data.default client={client} summary={summary.data} chart={chart} events={events} />}
        </>
      )}
      <AttributionTable summary={summary.data} />
      {!sweep && events.state === "loading" && <Loading what="the events" />}
      {!sweep && events.state === "error" && <ErrorMessage error={events.error} />}
      {!sweep && events.state === "ready" && <EventsTable runId={id} events={events.data} />}
      <Downloads client={client} id={id} summaryOnly={sweep !== null} />
    </>
  );
}
