import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { RunEvent } from "../api/results";
import { EventsTable, pageSize } from "./EventsTable";

// 70,000 events, as a year of a busy mode has: a funding payment every hour and a trade every tenth.
const events: RunEvent[] = Array.from({ length: 70_000 }, (_, i) => ({
  type: i % 10 === 0 ? "trade" : "funding",
  time: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
  instrument: i % 10 === 0 ? "perp/okx/ETHUSDT" : "perp/binance/ETHUSDT",
  rate: 0.0001,
}));

function bodyRows() {
  return within(screen.getByRole("table", { name: "Events" })).getAllByRole("row").filter((row) => row.getAttribute("aria-rowindex") !== "1" && row.hasAttribute("aria-rowindex"));
}

/** jsdom's Blob has no text(). */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

describe("the events table", () => {
  it("renders only the rows in view of 70,000, and the rows further down once scrolled", () => {
    render(<EventsTable runId="bt_1" events={events} />);

    expect(screen.getByRole("status")).toHaveTextContent(`70,000 events shown, page 1 of ${70_000 / pageSize}`);
    expect(bodyRows().length).toBeLessThan(50);
    expect(bodyRows()[0]).toHaveTextContent("2025-01-01 00:00 UTCtrade");

    fireEvent.scroll(screen.getByRole("region", { name: "Events, scrollable" }), { target: { scrollTop: 30 * 1000 } });
    const rows = bodyRows();
    expect(rows.length).toBeLessThan(50);
    expect(rows.some((row) => row.getAttribute("aria-rowindex") === String(1000 + 2))).toBe(true);
  });

  it("filters by type and by text, pages, and exports what it shows as CSV", async () => {
    const saved: Blob[] = [];
    vi.stubGlobal("URL", { ...URL, createObjectURL: (blob: Blob) => (saved.push(blob), "blob:1"), revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    render(<EventsTable runId="bt_1" events={events} />);

    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Type" }), "trade");
    expect(screen.getByRole("status")).toHaveTextContent("7,000 events shown, page 1 of 2");
    await userEvent.click(screen.getByRole("button", { name: "Next page" }));
    expect(screen.getByRole("status")).toHaveTextContent("page 2 of 2");
    expect(bodyRows()[0]).toHaveTextContent("trade");

    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Type" }), "");
    fireEvent.change(screen.getByRole("searchbox", { name: "Search" }), { target: { value: "OKX" } });
    expect(screen.getByRole("status")).toHaveTextContent("7,000 events shown");

    await userEvent.click(screen.getByRole("button", { name: "Export CSV" }));
    expect(click).toHaveBeenCalled();
    const csv = await readText(saved[0]!);
    expect(csv.split("\n")[0]).toBe("time,type,details");
    expect(csv.split("\n")[1]).toBe("2025-01-01T00:00:00.000Z,trade,instrument=perp/okx/ETHUSDT rate=0.0001");
    expect(csv.trim().split("\n")).toHaveLength(7_001);
  });
});
