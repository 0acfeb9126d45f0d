import { useMemo, useState } from "react";
import { ApiClient, type BacktestChart, type RunStatus, type StrategyBenchmark } from "../api/client";
import { isActive, parseEvents, type RunEvent, type Summary } from "../api/results";
import { AttributionTable } from "../components/AttributionTable";
import { Downloads } from "../components/Downloads";
import { EventsTable } from "../components/EventsTable";
import { MetricCards } from "../components/MetricCards";
import { RunProgress } from "../components/RunProgress";
import { ErrorMessage, Loading } from "../components/Status";
import { formatTime, prepareFormats } from "../format";
import { Link } from "../router";
import { useApi, usePolled } from "../useApi";

/** A completed run's reads, asked for before its status says it has completed, and the charts' code (uPlot: a chunk of its own). */
interface EarlyReads {
  /** The run's status: the early read the first time (read `again` should it fail), then `again` each time (polling). */
  status: (again: () => Promise<RunStatus>) => Promise<RunStatus>;
  summary: Promise<Summary>;
  events: Promise<RunEvent[]>;
  chart: Promise<BacktestChart>;
  benchmark: Promise<StrategyBenchmark | null>;
  charts: Promise<typeof import("../components/RunCharts")>;
}

/**
 * Most run pages are opened on a completed run, so its result and chart are asked for with its status rather than
 * after it (on a year of hours the longest wait of the page), the charts' code with them, and the lending benchmark as
 * soon as the result names the mode and period: loaded as data, not by React.lazy, whose Suspense holds back what it
 * waited for by up to 300 ms. The events (0.6 MB on a year, for the table and the funding chart, both below the first
 * screen) wait until the result and chart have come and the page is idle, so they do not compete with the first
 * charts. A run still going (or a sweep's) answers those with a problem: each is then asked for again once the status
 * says what the run has.
 */
function readEarly(client: ApiClient, id: string): EarlyReads {
  let status: Promise<RunStatus> | null = client.backtest(id);
  status.catch(() => {});
  const summary = client.backtestResult(id);
  const chart = client.backtestChart(id);
  const reads = {
    status: (again: () => Promise<RunStatus>) => {
      const first = status;
      status = null;
      return first ? first.catch(again) : again();
    },
    summary,
    chart,
    charts: import("../components/RunCharts"),
    benchmark: summary.then((s) => client.strategyBenchmark(s.mode, s.start, s.end)).catch(() => null),
    events: Promise.allSettled([summary, chart])
      .then(whenIdle)
      .then(() => client.backtestEvents(id))
      .then(parseEventsInSlices),
  };
  // The figures' formats are made while the reads are under way (the first costs some 40 ms), not when they have come.
  setTimeout(prepareFormats, 0);
  // A read the page never uses (a sweep's run has no events) must not fail as unhandled.
  [reads.summary, reads.chart, reads.charts, reads.benchmark, reads.events].forEach((read: Promise<unknown>) => read.catch(() => {}));
  return reads;
}

/** Reads started as the app loads (main.tsx), before anything renders, on a run page's path: taken by its first RunPage. */
let started: { id: string; reads: EarlyReads } | null = null;

/**
 * On a run page's path (`/runs/{id}`) with a key, starts its early reads at once, as the app's code is evaluated: some
 * 70 ms before React first renders the page. Their client signs no one out on a 401: the page's status read, with the
 * app's client, does.
 */
export function startRunPageReads(key: string, path: string): void {
  const run = /^\/runs\/([^/]+)$/.exec(path)?.[1];
  if (run) {
    const id = decodeURIComponent(run);
    started = { id, reads: readEarly(new ApiClient(key, () => {}), id) };
  }
}

function takeStarted(id: string): EarlyReads | null {
  const reads = started?.id === id ? started.reads : null;
  started = null;
  return reads;
}

/** Resolves once the browser has nothing more urgent to do (at the latest after a second), or at once where it cannot say. */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === "function") {
      requestIdleCallback(() => resolve(), { timeout: 1000 });
    } else {
      setTimeout(resolve, 0);
    }
  });
}

/** events.jsonl parsed a slice of lines at a time, yielding between slices: a year's 7,000 events never hold the page still. */
async function parseEventsInSlices(jsonl: string): Promise<RunEvent[]> {
  const lines = jsonl.split("\n");
  const events: RunEvent[] = [];
  const slice = 2000;
  for (let start = 0; start < lines.length; start += slice) {
    if (start > 0) {
      await whenIdle();
    }
    events.push(...parseEvents(lines.slice(start, start + slice).join("\n")));
  }
  return events;
}

/** How often a pending or running backtest's status is read again. */
export const pollMilliseconds = 1000;

/** One backtest: its progress while it runs, then its figures, charts and attribution (or why it failed). */
export function RunPage({ client, id }: { client: ApiClient; id: string }) {
  const early = useMemo(() => takeStarted(id) ?? readEarly(client, id), [client, id]);
  // Should the early status read fail (a 401 included), the page's client reads it again, and signs out on a 401.
  const status = usePolled(() => early.status(() => client.backtest(id)), [client, id, early], isActive, pollMilliseconds);
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
  const events = useApi(async () => (sweep ? [] : read(early.events, async () => parseEventsInSlices(await client.backtestEvents(id)))), [client, id, sweep, early, attempt]);
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
          {charts.state === "ready" && (
            <charts.data.default client={client} summary={summary.data} chart={chart} events={events} benchmark={attempt === 0 ? early.benchmark : null} />
          )}
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
