import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiClient, type LivePerformance, type LivePositions } from "../api/client";
import { json, mockFetch } from "../test/fetchMock";
import { instance } from "../test/live";
import LivePage from "./LivePage";

// The charts (uPlot on a canvas) are not drawn in jsdom.
vi.mock("../components/LiveCharts", () => ({ default: ({ performance }: { performance: LivePerformance }) => <p>charts of {performance.series.length} cycles</p> }));

const emptyPage = () => json({ items: [], next_cursor: null });
const positions: LivePositions = {
  perps: [
    { venue: "okx", symbol: "ETH-USDT-SWAP", size: "-2.5", average_entry_price: 3400.5, realised_pnl: -12.345, funding: 8.2 },
    { venue: "binance", symbol: "ETHUSDT", size: -10, average_entry_price: 3399.25, realised_pnl: 0, funding: 31.5 },
  ],
  balances: [
    { location: "wallet", asset: "USDT", amount: 1234.5678 },
    { location: "aave", asset: "weETH", amount: 12.3456789 },
  ],
};
const performance: LivePerformance = {
  share_class: "USDT",
  cycles: 3,
  start_equity: 100000,
  end_equity: "100250.5",
  max_drawdown: 0.012,
  current_drawdown: 0.0031,
  pnl_by_source: { funding: 300.25, gas: -49.75, lending_yield: 0 },
  series: [
    { cycle_utc: "2026-12-03T11:00:00Z", equity: 100000, drawdown: 0 },
    { cycle_utc: "2026-12-03T12:00:00Z", equity: 100100, drawdown: 0 },
    { cycle_utc: "2026-12-03T13:00:00Z", equity: 100250.5, drawdown: 0 },
  ],
};

/** The instance's reads; `more` adds answers (the actions' routes). */
function serve(state = instance(), more: Record<string, () => Response> = {}) {
  return mockFetch({
    "/api/v1/live/li_paper": () => json(state),
    "/api/v1/live/li_paper/positions": () => json(positions),
    "/api/v1/live/li_paper/performance": () => json(performance),
    "/api/v1/live/li_paper/orders?limit=50": emptyPage,
    "/api/v1/live/li_paper/fills?limit=50": emptyPage,
    "/api/v1/live/li_paper/events?limit=50": emptyPage,
    "/api/v1/live/li_paper/activity?limit=50": emptyPage,
    ...more,
  });
}

const posts = (fetch: ReturnType<typeof mockFetch>) => fetch.mock.calls.filter(([, init]) => init?.method === "POST");

describe("a live instance's page", () => {
  it("shows its status, positions per venue and location, and performance in its share class", async () => {
    const breach = { kind: "breach", message: "health factor 1.005 under the floor 1.01", details: null, occurred_utc: "2026-12-03T12:00:00Z" };
    serve(instance({ status: "halted", health: "unhealthy", health_reason: "halted by a breach", breaches: [breach] }));
    render(<LivePage client={new ApiClient("key", vi.fn())} id="li_paper" />);

    expect(await screen.findByRole("heading", { name: /eth basis paper/ })).toHaveTextContent("PAPER");
    expect(screen.getByRole("row", { name: /health factor 1.005 under the floor 1.01/ })).toHaveTextContent("2026-12-03 12:00 UTC");
    expect(screen.getByText("halted by a breach")).toBeInTheDocument();

    const perps = within(await screen.findByRole("table", { name: "Perpetuals per venue" })).getAllByRole("row");
    expect(perps[1]).toHaveTextContent("binanceETHUSDT-10.00003,399.250.0031.50");
    expect(perps[2]).toHaveTextContent("okxETH-USDT-SWAP-2.50003,400.50-12.358.20");
    const balances = within(screen.getByRole("table", { name: /Balances per location/ })).getAllByRole("row");
    expect(balances[1]).toHaveTextContent("aaveweETH12.3457 weETH");
    expect(balances[2]).toHaveTextContent("walletUSDT1,234.57 USDT");

    expect(await screen.findByText("100,250.50 USDT")).toBeInTheDocument();
    expect(screen.getByText("0.31 % / 1.20 %")).toBeInTheDocument();
    expect(screen.getByRole("row", { name: "funding 300.25 USDT" })).toBeInTheDocument();
    expect(screen.getByRole("row", { name: "gas -49.75 USDT" })).toBeInTheDocument();
    expect(screen.queryByRole("row", { name: /lending_yield/ })).toBeNull();
    expect(await screen.findByText("charts of 3 cycles")).toBeInTheDocument();
    expect(await screen.findByText("No orders yet.")).toBeInTheDocument();
  });

  it("pages the orders with the next cursor", async () => {
    const order = (id: string) => ({
      venue: "binance", client_order_id: id, venue_order_id: null, symbol: "ETHUSDT", market: "perp", side: "sell", type: "market", quantity: 1.5, price: null,
      status: "filled", reason: null, created_utc: "2026-12-03T12:00:00Z", updated_utc: "2026-12-03T12:00:00Z",
    });
    const fetch = serve(instance(), {
      "/api/v1/live/li_paper/orders?limit=50": () => json({ items: [order("o-1")], next_cursor: 17 }),
      "/api/v1/live/li_paper/orders?limit=50&cursor=17": () => json({ items: [order("o-2")], next_cursor: null }),
    });
    render(<LivePage client={new ApiClient("key", vi.fn())} id="li_paper" />);

    await userEvent.click(await screen.findByRole("button", { name: "Load more orders" }));

    const orders = within(screen.getByRole("table", { name: "Orders" }));
    expect(await orders.findByText("o-2")).toBeInTheDocument();
    expect(orders.getByText("o-1")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Load more orders" })).toBeNull();
    expect(fetch.mock.calls.map(([url]) => url)).toContain("/api/v1/live/li_paper/orders?limit=50&cursor=17");
  });

  it("asks before an emergency stop, naming the instance, then posts it with the key and shows the unwind", async () => {
    const user = userEvent.setup();
    const fetch = serve(instance({ status: "active", health: "healthy" }), {
      "/api/v1/live/li_paper/emergency-stop": () =>
        json({ instance: instance({ status: "halted" }), unwind: "The book is unwound into cash on the instance's next cycle." }),
    });
    render(<LivePage client={new ApiClient("my-key", vi.fn())} id="li_paper" />);

    const stop = await screen.findByRole("button", { name: "Emergency stop" });
    await user.click(stop);
    const dialog = screen.getByRole("dialog", { name: "Emergency stop eth basis paper?" });
    expect(dialog).toHaveAttribute("aria-modal", "true");
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
    expect(posts(fetch)).toHaveLength(0);

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(stop).toHaveFocus();
    expect(posts(fetch)).toHaveLength(0);

    await user.click(stop);
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Emergency stop eth basis paper" }));

    expect(await screen.findByText(/Halted\. The book is unwound into cash/)).toBeInTheDocument();
    expect(posts(fetch)).toHaveLength(1);
    const [url, init] = posts(fetch)[0]!;
    expect(url).toBe("/api/v1/live/li_paper/emergency-stop");
    expect(init).toMatchObject({ method: "POST", headers: { "X-API-Key": "my-key" } });
  });

  it("shows a deposit's 400 on the amount field", async () => {
    const user = userEvent.setup();
    const fetch = serve(instance(), {
      "/api/v1/live/li_paper/deposit": () =>
        json({ title: "The request is invalid; see errors by field.", status: 400, errors: { amount: ["must be a number from 0.000001 to 1,000,000,000,000 (got '-5')"] } }, 400),
    });
    render(<LivePage client={new ApiClient("key", vi.fn())} id="li_paper" />);

    const amount = await screen.findByLabelText("Amount (USDT)");
    await user.type(amount, "-5");
    await user.click(screen.getByRole("button", { name: "Deposit" }));

    expect(await screen.findByText(/must be a number from 0.000001/)).toHaveAttribute("role", "alert");
    expect(amount).toHaveAttribute("aria-invalid", "true");
    expect(amount).toHaveAccessibleDescription("must be a number from 0.000001 to 1,000,000,000,000 (got '-5')");
    const [url, init] = posts(fetch)[0]!;
    expect(url).toBe("/api/v1/live/li_paper/deposit");
    expect(JSON.parse(init!.body as string)).toEqual({ amount: -5 });
  });

  it("confirms clearing a halt before starting, sends acknowledge_halt, and shows the API's 409", async () => {
    const user = userEvent.setup();
    const fetch = serve(instance({ status: "halted", health: "unhealthy" }), {
      "/api/v1/live/li_paper/start": () => json({ title: "'li_paper' is stopped for good: create a new instance.", status: 409 }, 409),
    });
    render(<LivePage client={new ApiClient("key", vi.fn())} id="li_paper" />);

    await user.click(await screen.findByRole("button", { name: "Start (clear the halt)" }));
    const dialog = screen.getByRole("dialog", { name: "Clear the halt of eth basis paper?" });
    expect(dialog).toHaveTextContent("Starting it clears the halt");
    await user.click(within(dialog).getByRole("button", { name: "Clear the halt and start" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("'li_paper' is stopped for good: create a new instance.");
    const [url, init] = posts(fetch)[0]!;
    expect(url).toBe("/api/v1/live/li_paper/start");
    expect(JSON.parse(init!.body as string)).toEqual({ acknowledge_halt: true });
  });

  it("says which instance is unknown on a 404", async () => {
    mockFetch({ "/api/v1/live/li_gone": () => json({ title: "No live instance 'li_gone'.", detail: "List them at /api/v1/live.", status: 404 }, 404) });
    render(<LivePage client={new ApiClient("key", vi.fn())} id="li_gone" />);
    expect(await screen.findByRole("alert")).toHaveTextContent("No live instance 'li_gone'. List them at /api/v1/live.");
  });
});
