import { useMemo, useState, type UIEvent } from "react";
import type { RunEvent } from "../api/results";
import { csvField, saveFile } from "../download";
import { formatTime } from "../format";

/** Rows per page; each page scrolls in a window that renders only the rows in view (a run can have 70k events). */
export const pageSize = 5000;
const rowHeight = 30;
const viewportHeight = 480;
/** Rows rendered above and below the visible ones, so a fast scroll shows no blank band. */
const overscan = 10;

/** An event's fields other than its type and time, as `name=value`: what the text search reads. */
function details(event: RunEvent): string {
  return Object.entries(event)
    .filter(([name]) => name !== "type" && name !== "time")
    .map(([name, value]) => `${name}=${typeof value === "object" && value !== null ? JSON.stringify(value) : String(value)}`)
    .join(" ");
}

/** The run's events (events.jsonl): filter by type, search their text, page through them, export what is shown as CSV. */
export function EventsTable({ runId, events }: { runId: string; events: RunEvent[] }) {
  const [type, setType] = useState("");
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const types = useMemo(() => [...new Set(events.map((event) => event.type))].sort(), [events]);
  const words = search.trim().toLowerCase();
  const searching = words !== "";
  // Each event's text is put together and lower-cased once, when a search first needs it (not on load: a year has
  // tens of thousands of events), so a keystroke only compares.
  const texts = useMemo(() => (searching ? events.map((event) => `${event.type} ${details(event)}`.toLowerCase()) : null), [events, searching]);
  const shown = useMemo(
    () => events.filter((event, i) => (type === "" || event.type === type) && (texts === null || texts[i]!.includes(words))),
    [events, texts, type, words],
  );

  const pages = Math.max(1, Math.ceil(shown.length / pageSize));
  const current = Math.min(page, pages - 1);
  const pageRows = shown.slice(current * pageSize, (current + 1) * pageSize);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(pageRows.length, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);

  const goTo = (next: number) => {
    setPage(next);
    setScrollTop(0);
  };
  const filter = (change: () => void) => {
    change();
    goTo(0);
  };
  const exportCsv = () => {
    const lines = ["time,type,details", ...shown.map((event) => [event.time, event.type, details(event)].map(csvField).join(","))];
    saveFile(new Blob([lines.join("\n") + "\n"], { type: "text/csv" }), `${runId}-events.csv`);
  };

  return (
    <section aria-labelledby="events-heading" className="events">
      <h2 id="events-heading">Events</h2>
      <div className="toolbar">
        <label>
          Type{" "}
          <select value={type} onChange={(e) => filter(() => setType(e.target.value))}>
            <option value="">all ({events.length.toLocaleString("en-US")})</option>
            {types.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Search <input type="search" value={search} onChange={(e) => filter(() => setSearch(e.target.value))} />
        </label>
        <button type="button" onClick={exportCsv} disabled={shown.length === 0}>
          Export CSV
        </button>
      </div>
      <p className="hint" role="status">
        {shown.length.toLocaleString("en-US")} events shown
        {pages > 1 && `, page ${current + 1} of ${pages}`}
      </p>
      <div
        className="virtual"
        style={{ maxHeight: viewportHeight }}
        onScroll={(e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop)}
        tabIndex={0}
        role="region"
        aria-label="Events, scrollable"
      >
        <table aria-label="Events" aria-rowcount={pageRows.length + 1}>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">Time</th>
              <th scope="col">Type</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {/* Only the rows in view are rendered; the spacers keep the scroll bar's length and position true. */}
            <tr aria-hidden="true" style={{ height: first * rowHeight }} />
            {pageRows.slice(first, last).map((event, i) => {
              const text = details(event);
              return (
                <tr key={current * pageSize + first + i} aria-rowindex={first + i + 2} style={{ height: rowHeight }}>
                  <td className="nowrap">{formatTime(event.time)}</td>
                  <td>{event.type}</td>
                  <td className="details" title={text}>
                    {text}
                  </td>
                </tr>
              );
            })}
            <tr aria-hidden="true" style={{ height: (pageRows.length - last) * rowHeight }} />
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="toolbar" aria-label="Event pages">
          <button type="button" onClick={() => goTo(current - 1)} disabled={current === 0}>
            Previous page
          </button>
          <button type="button" onClick={() => goTo(current + 1)} disabled={current + 1 === pages}>
            Next page
          </button>
        </nav>
      )}
    </section>
  );
}
