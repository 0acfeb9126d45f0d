import { render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ApiClient } from "../api/client";
import { json, mockFetch } from "../test/fetchMock";
import ComparePage from "./ComparePage";

// uPlot draws on a canvas, which jsdom lacks.
vi.mock("../components/CompareCharts", () => ({ default: () => <p>overlaid equity</p> }));

function summary(run_id: string, share_class: string, final_equity: number, attribution: Record<string, number>) {
  return {
    run_id, mode: "eth_basis", share_class, start: "2025-01-01T00:00:00Z", end: "2025-04-01T00:00:00Z", initial_capital: 100, final_equity,
    net_flows: 0, pnl: final_equity - 100, total_return: final_equity / 100 - 1, apr: null, apy: null, volatility: null, sharpe: 1.5, sortino: null,
    calmar: null, max_drawdown: 0.01, max_drawdown_duration_hours: 3, attribution, attribution_residual: 0, funding_received: 0, rebalances: 1,
    trades: 2, liquidations: 0, overrides: [],
  };
}

describe("the comparison page", () => {
  it("puts the runs' figures and P&L by source side by side, each in its share class", async () => {
    mockFetch({
      "/api/v1/backtests/bt_a/result": () => json(summary("bt_a", "USDT", 101, { funding: 1.5, gas: -0.5 })),
      "/api/v1/backtests/bt_b/result": () => json(summary("bt_b", "ETH", 102, { staking_yield: 2 })),
    });
    render(<ComparePage client={new ApiClient("key", vi.fn())} ids={["bt_a", "bt_b"]} />);

    const figures = await screen.findByRole("table", { name: "Metrics side by side" });
    expect(within(figures).getByRole("row", { name: "Final equity 101.00 USDT 102.000000 ETH" })).toBeInTheDocument();
    expect(within(figures).getByRole("columnheader", { name: "bt_b" })).toBeInTheDocument();
    const attribution = screen.getByRole("table", { name: "P&L by source side by side" });
    expect(within(attribution).getByRole("row", { name: "funding 1.50 USDT 0.000000 ETH" })).toBeInTheDocument();
    expect(within(attribution).getByRole("row", { name: "staking_yield 0.00 USDT 2.000000 ETH" })).toBeInTheDocument();
    expect(await screen.findByText("overlaid equity")).toBeInTheDocument();
  });

  it("says which run it cannot read", async () => {
    mockFetch({
      "/api/v1/backtests/bt_a/result": () => json(summary("bt_a", "USDT", 101, {})),
      "/api/v1/backtests/bt_b/result": () => json({ title: "The result of 'bt_b' is not ready.", status: 409 }, 409),
    });
    render(<ComparePage client={new ApiClient("key", vi.fn())} ids={["bt_a", "bt_b"]} />);

    expect(await screen.findByRole("alert")).toHaveTextContent("The result of 'bt_b' is not ready.");
  });
});
