import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiClient, type RunStatus } from "../api/client";
import { json, mockFetch } from "../test/fetchMock";
import { RunPage, startRunPageReads } from "./RunPage";

// The charts (uPlot on a canvas) are not drawn in jsdom.
vi.mock("../components/RunCharts", () => ({ default: () => <p>charts</p> }));

function status(runtimeStatus: string, customStatus: unknown = null): RunStatus {
  return {
    id: "bt_1",
    kind: "backtest",
    runtimeStatus,
    createdTime: "2026-12-03T14:07:48Z",
    lastUpdatedTime: "2026-12-03T14:07:49Z",
    customStatus,
    output: null,
    error: null,
    sweep: null,
    resultUri: "/api/v1/backtests/bt_1/result",
  };
}

describe("the run page", () => {
  it("shows the progress of a running backtest", async () => {
    const progress = { phase: "simulating", segment: 1, segments: 4, from: "2025-01-01T00:00:00Z", to: "2025-04-01T00:00:00Z", progress: 0.25 };
    // The page asks for a completed run's files with its status: a running one answers those with a 409.
    const notReady = () => json({ title: "The result of 'bt_1' is not ready.", status: 409 }, 409);
    mockFetch({
      "/api/v1/backtests/bt_1": () => json(status("Running", progress)),
      "/api/v1/backtests/bt_1/result": notReady,
      "/api/v1/backtests/bt_1/events": notReady,
      "/api/v1/backtests/bt_1/chart": notReady,
    });
    render(<RunPage client={new ApiClient("key", vi.fn())} id="bt_1" />);

    expect(await screen.findByText(/simulating, segment 1 of 4/)).toHaveTextContent("25.00 %");
    expect(screen.getByRole("progressbar", { name: "Backtest progress" })).toHaveAttribute("value", "0.25");
  });

  it("says the result is not ready on a 409, and asks again on request", async () => {
    const fetch = mockFetch({
      "/api/v1/backtests/bt_1": () => json(status("Completed")),
      "/api/v1/backtests/bt_1/result": () => json({ title: "The result of 'bt_1' is not ready.", status: 409 }, 409),
    });
    render(<RunPage client={new ApiClient("key", vi.fn())} id="bt_1" />);

    expect(await screen.findByText(/The result is not ready yet/)).toHaveTextContent("The result of 'bt_1' is not ready.");
    // Asked for with the status, then again once the status said completed.
    const reads = () => fetch.mock.calls.filter(([url]) => url.endsWith("/result")).length;
    expect(reads()).toBe(2);
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    await vi.waitFor(() => expect(reads()).toBe(3));
  });

  it("shows a completed backtest's figures in its share class's unit and its P&L by source", async () => {
    const summary = {
      run_id: "bt_1", mode: "pure_lending_eth", share_class: "ETH", start: "2025-01-01T00:00:00Z", end: "2025-04-01T00:00:00Z",
      initial_capital: 100, final_equity: 100.61234567, net_flows: 0, pnl: 0.61234567, total_return: 0.0061234567, apr: 0.0248, apy: 0.0251,
      volatility: 0.0004, sharpe: null, sortino: null, calmar: null, max_drawdown: 0, max_drawdown_duration_hours: 0,
      attribution: { lending_yield: 0.62, gas: -0.00765433, funding: 0 }, attribution_residual: 1.2e-13, funding_received: 0,
      rebalances: 0, trades: 0, liquidations: 0, overrides: ["margin_fraction=0.3"],
    };
    const events = '{"type":"supply","time":"2025-01-01T00:00:00Z","instrument":"aave/weth","amount":100}\n';
    mockFetch({
      "/api/v1/backtests/bt_1": () => json(status("Completed")),
      "/api/v1/backtests/bt_1/result": () => json(summary),
      "/api/v1/backtests/bt_1/events": () => new Response(events, { headers: { "Content-Type": "application/x-ndjson" } }),
      "/api/v1/backtests/bt_1/chart": () => {
        const series = { time: [1735689600], columns: [{ name: "equity", values: [100] }] };
        return json({ hours: 1, drawn: series, month_ends: series });
      },
    });
    render(<RunPage client={new ApiClient("key", vi.fn())} id="bt_1" />);

    expect(await screen.findByText("Final equity")).toBeInTheDocument();
    expect(screen.getByText("pure_lending_eth (ETH), 2025-01-01 00:00 UTC → 2025-04-01 00:00 UTC")).toBeInTheDocument();
    expect(screen.getByText("100.612346 ETH")).toBeInTheDocument();
    expect(screen.getByText("n/a / n/a")).toBeInTheDocument();
    expect(screen.getByRole("row", { name: "lending_yield 0.620000 ETH" })).toBeInTheDocument();
    expect(screen.getByRole("row", { name: "gas -0.007654 ETH" })).toBeInTheDocument();
    expect(screen.queryByRole("row", { name: /funding/ })).toBeNull();
    expect(await screen.findByText("charts")).toBeInTheDocument();
    expect(screen.getByText("margin_fraction=0.3")).toBeInTheDocument();
    expect(await screen.findByRole("row", { name: "2025-01-01 00:00 UTC supply instrument=aave/weth amount=100" })).toBeInTheDocument();
    for (const file of ["summary.json", "timeseries.csv", "events.jsonl", "report.html"]) {
      expect(screen.getByRole("button", { name: `Download ${file}` })).toBeInTheDocument();
    }
  });

  it("starts a run's reads as the app loads on its page, and asks for its events once its result and chart have come", async () => {
    const summary = {
      run_id: "bt_1", mode: "eth_basis", share_class: "USDT", start: "2025-01-01T00:00:00Z", end: "2025-04-01T00:00:00Z",
      initial_capital: 100000, final_equity: 101000, net_flows: 0, pnl: 1000, total_return: 0.01, apr: null, apy: null, volatility: null,
      sharpe: null, sortino: null, calmar: null, max_drawdown: 0, max_drawdown_duration_hours: 0, attribution: { funding: 1000 },
      attribution_residual: 0, funding_received: 1000, rebalances: 0, trades: 0, liquidations: 0, overrides: [],
    };
    const series = { time: [1735689600], columns: [{ name: "equity", values: [100000] }] };
    const benchmark = "/api/v1/strategies/eth_basis/benchmark?start=2025-01-01T00%3A00%3A00Z&end=2025-04-01T00%3A00%3A00Z";
    const fetch = mockFetch({
      "/api/v1/backtests/bt_1": () => json(status("Completed")),
      "/api/v1/backtests/bt_1/result": () => json(summary),
      "/api/v1/backtests/bt_1/chart": () => json({ hours: 1, drawn: series, month_ends: series }),
      [benchmark]: () => json({ name: "eth_basis", share_class: "USDT", benchmarks: [{ benchmark: "lending USDT on AAVE v3", series: "aave/ethereum/USDT", time: [], growth: [] }] }),
      "/api/v1/backtests/bt_1/events": () => new Response('{"type":"funding","time":"2025-01-01T08:00:00Z","instrument":"binance:Perp:ETHUSDT","rate":0.0001}\n'),
    });
    const asked = () => fetch.mock.calls.map(([url]) => url);

    startRunPageReads("key", "/runs/bt_1");
    expect(asked()).toEqual(["/api/v1/backtests/bt_1", "/api/v1/backtests/bt_1/result", "/api/v1/backtests/bt_1/chart"]);
    render(<RunPage client={new ApiClient("key", vi.fn())} id="bt_1" />);

    expect(await screen.findByRole("row", { name: /funding instrument=binance:Perp:ETHUSDT/ })).toBeInTheDocument();
    // The page took the reads already under way: each asked for once, the events last.
    expect(asked()).toEqual([
      "/api/v1/backtests/bt_1",
      "/api/v1/backtests/bt_1/result",
      "/api/v1/backtests/bt_1/chart",
      benchmark,
      "/api/v1/backtests/bt_1/events",
    ]);
  });

  it("says a sweep's run has its summary only, and offers only that", async () => {
    const summary = {
      run_id: "sw_1-0", mode: "eth_basis", share_class: "USDT", start: "2025-01-01T00:00:00Z", end: "2025-04-01T00:00:00Z",
      initial_capital: 100000, final_equity: 101000, net_flows: 0, pnl: 1000, total_return: 0.01, apr: null, apy: null, volatility: null,
      sharpe: null, sortino: null, calmar: null, max_drawdown: 0, max_drawdown_duration_hours: 0, attribution: { funding: 1000 },
      attribution_residual: 0, funding_received: 1000, rebalances: 0, trades: 0, liquidations: 0, overrides: ["margin_fraction=0.3"],
    };
    mockFetch({
      "/api/v1/backtests/sw_1-0": () => json({ ...status("Completed"), id: "sw_1-0", sweep: "sw_1" }),
      "/api/v1/backtests/sw_1-0/result": () => json(summary),
      // Asked for with the status, before it says the run is a sweep's: a sweep keeps its runs' summaries only.
      "/api/v1/backtests/sw_1-0/events": () => json({ title: "Gone", status: 410 }, 410),
      "/api/v1/backtests/sw_1-0/chart": () => json({ title: "Gone", status: 410 }, 410),
    });
    render(<RunPage client={new ApiClient("key", vi.fn())} id="sw_1-0" />);

    expect(await screen.findByText(/keeps its runs' summaries only/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "sw_1" })).toHaveAttribute("href", "/sweeps/sw_1");
    expect(screen.getAllByRole("button", { name: /^Download/ }).map((b) => b.textContent)).toEqual(["Download summary.json"]);
    expect(screen.queryByText("charts")).toBeNull();
  });

  it("says why a failed backtest failed", async () => {
    const notReady = () => json({ title: "The result of 'bt_1' is not ready.", status: 409 }, 409);
    mockFetch({
      "/api/v1/backtests/bt_1": () => json({ ...status("Failed"), error: "a gap in ETHUSDT funding" }),
      "/api/v1/backtests/bt_1/result": notReady,
      "/api/v1/backtests/bt_1/events": notReady,
      "/api/v1/backtests/bt_1/chart": notReady,
    });
    render(<RunPage client={new ApiClient("key", vi.fn())} id="bt_1" />);

    expect(await screen.findByRole("alert")).toHaveTextContent("Failed: a gap in ETHUSDT funding");
  });
});
