import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import type { ApiClient, LiveActivity, LiveEvent, LiveFill, LiveInstance, LiveOrder, LivePerformance, LivePositions } from "../api/client";
import { LiveActions } from "../components/LiveActions";
import { ExecutionBadge, StateBadge } from "../components/LiveBadges";
import { PagedTable, type Column } from "../components/PagedTable";
import { ErrorMessage, Loading } from "../components/Status";
import { formatAmount, formatNumber, formatPercent, formatTime, formatTimeOrNever, toNumber } from "../format";
import { Link } from "../router";
import { useApi } from "../useApi";
import { ScrollBox } from "../components/ScrollBox";

const LiveCharts = lazy(() => import("../components/LiveCharts"));

/** How often the instance's status is read again. */
export const livePollMilliseconds = 10_000;

/** Rows per page of orders, fills, events and activity. */
export const pageSize = 50;

/** One live instance: status, limits, actions, positions, performance, and its orders, fills, events and activity. */
export default function LivePage({ client, id }: { client: ApiClient; id: string }) {
  // `polls` reads the status again every few seconds; `changes` (after an action) also the positions and performance.
  const [polls, setPolls] = useState(0);
  const [changes, setChanges] = useState(0);
  const instance = useApi(() => client.live(id), [client, id, polls, changes]);
  const changed = useCallback(() => setChanges((n) => n + 1), []);
  useEffect(() => {
    if (instance.state === "ready") {
      const next = setTimeout(() => setPolls((n) => n + 1), livePollMilliseconds);
      return () => clearTimeout(next);
    }
  }, [instance]);

  return (
    <>
      <p className="hint">
        <Link to="/live">← Live instances</Link>
      </p>
      {instance.state === "ready" ? (
        <h1>
          {instance.data.name} <ExecutionBadge execution={instance.data.execution} />
        </h1>
      ) : (
        <h1>{id}</h1>
      )}
      {instance.state === "loading" && <Loading what="the instance" />}
      {instance.state === "error" && <ErrorMessage error={instance.error} />}
      {instance.state === "ready" && (
        <>
          {instance.data.execution === "real" && (
            <p className="real-banner" role="note">
              Real execution: this instance trades with real funds at the venues.
            </p>
          )}
          <StatusCard instance={instance.data} />
          <LiveActions client={client} instance={instance.data} onChanged={changed} />
          <Limits limits={instance.data.limits} />
          <PositionsSection client={client} id={id} unit={instance.data.share_class} reads={changes} />
          <PerformanceSection client={client} id={id} reads={changes} />
          {/* After an action the tables read their first page again: it may have added rows. */}
          <LedgerTables key={changes} client={client} id={id} unit={instance.data.share_class} />
        </>
      )}
    </>
  );
}

function StatusCard({ instance }: { instance: LiveInstance }) {
  return (
    <section aria-label="Status">
      <p>
        {instance.mode} ({instance.share_class}) on {instance.venues.join(", ")}; capital {formatAmount(toNumber(instance.capital), instance.share_class)};
        created {formatTime(instance.created_utc)}. <span className="hint">{instance.id}</span>
      </p>
      <dl className="cards">
        <div className="card">
          <dt>Status</dt>
          <dd>
            <StateBadge value={instance.status} />
          </dd>
        </div>
        <div className="card">
          <dt>Health</dt>
          <dd>
            <StateBadge value={instance.health} /> <span className="reason">{instance.health_reason}</span>
          </dd>
        </div>
        <div className="card">
          <dt>Last heartbeat</dt>
          <dd>{formatTimeOrNever(instance.last_heartbeat_utc)}</dd>
        </div>
        <div className="card">
          <dt>Last cycle</dt>
          <dd>{formatTimeOrNever(instance.last_cycle_utc)}</dd>
        </div>
      </dl>
      {instance.breaches.length === 0 ? (
        <p className="hint">No breaches.</p>
      ) : (
        <table className="runs breaches">
          <caption>Latest breaches, newest first</caption>
          <tbody>
            {instance.breaches.map((breach, i) => (
              <tr key={i}>
                <td>{formatTime(breach.occurred_utc)}</td>
                <td>{breach.kind}</td>
                <td>{breach.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The instance's limits (free-form JSON in the document), each by name. */
function Limits({ limits }: { limits: unknown }) {
  const entries = limits && typeof limits === "object" ? Object.entries(limits as Record<string, unknown>) : [];
  return (
    <section aria-label="Limits">
      <h2>Limits</h2>
      {entries.length === 0 ? (
        <p className="hint">The host's limits (BASIS_LIVE_TRADING__*).</p>
      ) : (
        <dl className="cards">
          {entries.map(([name, value]) => (
            <div key={name} className="card">
              <dt>{name.replaceAll("_", " ")}</dt>
              <dd>{value === null || value === undefined ? "the host's" : typeof value === "object" ? JSON.stringify(value) : String(value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function PositionsSection({ client, id, unit, reads }: { client: ApiClient; id: string; unit: string; reads: number }) {
  const positions = useApi(() => client.livePositions(id), [client, id, reads]);
  return (
    <section aria-label="Positions">
      <h2>Positions</h2>
      {positions.state === "loading" && <Loading what="the positions" />}
      {positions.state === "error" && <ErrorMessage error={positions.error} />}
      {positions.state === "ready" && <PositionTables positions={positions.data} unit={unit} />}
    </section>
  );
}

function PositionTables({ positions, unit }: { positions: LivePositions; unit: string }) {
  const perps = [...positions.perps].sort((a, b) => a.venue.localeCompare(b.venue) || a.symbol.localeCompare(b.symbol));
  const balances = [...positions.balances].sort((a, b) => a.location.localeCompare(b.location) || a.asset.localeCompare(b.asset));
  return (
    <>
      {perps.length === 0 ? (
        <p className="hint">No perpetual positions.</p>
      ) : (
        <ScrollBox label="Perpetuals per venue">
          <table className="runs">
            <caption>Perpetuals per venue</caption>
            <thead>
              <tr>
                <th scope="col">Venue</th>
                <th scope="col">Symbol</th>
                <th scope="col" className="number">Size</th>
                <th scope="col" className="number">Average entry</th>
                <th scope="col" className="number">Realised P&L</th>
                <th scope="col" className="number">Funding</th>
              </tr>
            </thead>
            <tbody>
              {perps.map((perp) => (
                <tr key={`${perp.venue}/${perp.symbol}`}>
                  <td>{perp.venue}</td>
                  <td>{perp.symbol}</td>
                  <td className="number">{formatNumber(toNumber(perp.size), 4)}</td>
                  <td className="number">{formatNumber(toNumber(perp.average_entry_price), 2)}</td>
                  <Signed value={toNumber(perp.realised_pnl)} digits={2} />
                  <Signed value={toNumber(perp.funding)} digits={2} />
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {balances.length === 0 ? (
        <p className="hint">No balances.</p>
      ) : (
        <ScrollBox label="Balances per location">
          <table className="runs">
            <caption>Balances per location (the instance's unit is {unit})</caption>
            <thead>
              <tr>
                <th scope="col">Location</th>
                <th scope="col">Asset</th>
                <th scope="col" className="number">Amount</th>
              </tr>
            </thead>
            <tbody>
              {balances.map((balance) => (
                <tr key={`${balance.location}/${balance.asset}`}>
                  <td>{balance.location}</td>
                  <td>{balance.asset}</td>
                  <td className="number">{formatAmount(toNumber(balance.amount), balance.asset)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </>
  );
}

function Signed({ value, digits }: { value: number; digits: number }) {
  return <td className={value < 0 ? "number negative" : "number"}>{formatNumber(value, digits)}</td>;
}

function PerformanceSection({ client, id, reads }: { client: ApiClient; id: string; reads: number }) {
  const performance = useApi(() => client.livePerformance(id), [client, id, reads]);
  return (
    <section aria-label="Performance">
      <h2>Performance</h2>
      {performance.state === "loading" && <Loading what="the performance" />}
      {performance.state === "error" && <ErrorMessage error={performance.error} />}
      {performance.state === "ready" && <PerformanceBody performance={performance.data} />}
    </section>
  );
}

function PerformanceBody({ performance }: { performance: LivePerformance }) {
  const unit = performance.share_class;
  const amount = (value: number | string | null) => formatAmount(toNumber(value), unit);
  const sources = Object.entries(performance.pnl_by_source)
    .map(([source, value]) => [source, toNumber(value)] as const)
    .filter(([, value]) => value !== 0);
  return (
    <>
      <dl className="cards">
        <div className="card">
          <dt>Equity</dt>
          <dd>{amount(performance.end_equity)}</dd>
        </div>
        <div className="card">
          <dt>Start equity</dt>
          <dd>{amount(performance.start_equity)}</dd>
        </div>
        <div className="card">
          <dt>Drawdown now / max</dt>
          <dd>
            {formatPercent(toNumber(performance.current_drawdown))} / {formatPercent(toNumber(performance.max_drawdown))}
          </dd>
        </div>
        <div className="card">
          <dt>Cycles</dt>
          <dd>{toNumber(performance.cycles)}</dd>
        </div>
      </dl>
      {performance.series.length === 0 ? (
        <p className="hint">No cycle recorded yet: the charts appear after the first.</p>
      ) : (
        <Suspense fallback={<Loading what="the charts" />}>
          <LiveCharts performance={performance} />
        </Suspense>
      )}
      <table className="attribution">
        <caption>P&L by source since the start</caption>
        <tbody>
          {sources.length === 0 && (
            <tr>
              <td>none yet</td>
            </tr>
          )}
          {sources.map(([source, value]) => (
            <tr key={source}>
              <th scope="row">{source}</th>
              <td className={value < 0 ? "negative" : undefined}>{formatAmount(value, unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

const json = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));

function LedgerTables({ client, id, unit }: { client: ApiClient; id: string; unit: string }) {
  const orders = useCallback((cursor: number | string | null) => client.livePage("/api/v1/live/{id}/orders", id, pageSize, cursor), [client, id]);
  const fills = useCallback((cursor: number | string | null) => client.livePage("/api/v1/live/{id}/fills", id, pageSize, cursor), [client, id]);
  const events = useCallback((cursor: number | string | null) => client.livePage("/api/v1/live/{id}/events", id, pageSize, cursor), [client, id]);
  const activity = useCallback((cursor: number | string | null) => client.livePage("/api/v1/live/{id}/activity", id, pageSize, cursor), [client, id]);

  const orderColumns: Column<LiveOrder>[] = [
    { header: "Created", cell: (o) => formatTime(o.created_utc) },
    { header: "Venue", cell: (o) => o.venue },
    { header: "Symbol", cell: (o) => `${o.symbol} (${o.market})` },
    { header: "Side", cell: (o) => o.side },
    { header: "Type", cell: (o) => o.type },
    { header: "Quantity", cell: (o) => formatNumber(toNumber(o.quantity), 4), numeric: true },
    { header: "Price", cell: (o) => formatNumber(toNumber(o.price), 2), numeric: true },
    { header: "Status", cell: (o) => (o.reason ? `${o.status}: ${o.reason}` : o.status) },
    { header: "Order", cell: (o) => o.client_order_id },
  ];
  const fillColumns: Column<LiveFill>[] = [
    { header: "Filled", cell: (f) => formatTime(f.filled_utc) },
    { header: "Venue", cell: (f) => f.venue },
    { header: "Symbol", cell: (f) => `${f.symbol} (${f.market})` },
    { header: "Side", cell: (f) => f.side },
    { header: "Quantity", cell: (f) => formatNumber(toNumber(f.quantity), 4), numeric: true },
    { header: "Price", cell: (f) => formatNumber(toNumber(f.price), 2), numeric: true },
    { header: "Fee", cell: (f) => formatAmount(toNumber(f.fee), f.fee_asset), numeric: true },
    { header: "Order", cell: (f) => f.client_order_id },
  ];
  const eventColumns: Column<LiveEvent>[] = [
    { header: "Time", cell: (e) => formatTime(e.occurred_utc) },
    { header: "Kind", cell: (e) => e.kind },
    { header: "Message", cell: (e) => e.message },
    { header: "Details", cell: (e) => <code className="json">{json(e.details)}</code> },
  ];
  const activityColumns: Column<LiveActivity>[] = [
    { header: "Hour", cell: (a) => formatTime(a.hour_utc) },
    { header: "Kind", cell: (a) => a.kind },
    { header: "What", cell: (a) => <code className="json">{json(a.body)}</code> },
  ];

  return (
    <section aria-label="Ledger">
      <h2>Orders, fills, events and activity</h2>
      <p className="hint">In recorded order, {pageSize} at a time; amounts in the instance's unit ({unit}) unless a row names its asset.</p>
      <PagedTable caption="Orders" what="orders" load={orders} columns={orderColumns} empty="No orders yet." />
      <PagedTable caption="Fills" what="fills" load={fills} columns={fillColumns} empty="No fills yet." />
      <PagedTable caption="Events (heartbeats, breaches, alerts)" what="events" load={events} columns={eventColumns} empty="No events yet." />
      <PagedTable caption="Activity (the engine's decisions, hour by hour)" what="activity" load={activity} columns={activityColumns} empty="No activity yet." />
    </section>
  );
}
