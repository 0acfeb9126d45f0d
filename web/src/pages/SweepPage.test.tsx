import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiClient, type RunStatus } from "../api/client";
import type { SweepOutcome } from "../api/results";
import { json, mockFetch } from "../test/fetchMock";
import SweepPage from "./SweepPage";
import SweepsPage from "./SweepsPage";

function status(runtimeStatus: string, customStatus: unknown = null): RunStatus {
  return {
    id: "sw_1", kind: "sweep", runtimeStatus, createdTime: "2026-12-03T14:07:48Z", lastUpdatedTime: "2026-12-03T14:07:49Z",
    customStatus, output: null, error: null, sweep: null, resultUri: "/api/v1/sweeps/sw_1/result",
  };
}

const grid = (margin: string, drift: string) => ({ mode: "eth_basis", margin_fraction: margin, max_delta_drift: drift });
const outcome: SweepOutcome = {
  sweepId: "sw_1",
  rankBy: "sharpe",
  ascending: false,
  ranking: [
    { rank: 1, runId: "sw_1-1", parameters: grid("0.3", "0.01"), value: 2.5, metrics: { sharpe: 2.5, apy: 0.071, max_drawdown: 0.002, final_equity: 101000 } },
    { rank: 2, runId: "sw_1-0", parameters: grid("0.2", "0.01"), value: 1.25, metrics: { sharpe: 1.25, apy: 0.06, max_drawdown: 0.003, final_equity: 100900 } },
    { rank: 3, runId: "sw_1-2", parameters: grid("0.2", "0.02"), value: -0.5, metrics: { sharpe: -0.5, apy: 0.01, max_drawdown: 0.01, final_equity: 100100 } },
  ],
  failures: [{ runId: "sw_1-3", parameters: grid("0.3", "0.02"), error: "a gap in the data" }],
};

describe("the sweeps", () => {
  it("are listed, each linking to its page", async () => {
    mockFetch({ "/api/v1/sweeps": () => json([{ id: "sw_1", status: "Completed", created: "2026-12-03T14:07:48Z", updated: "2026-12-03T14:08:00Z", sweep: null, error: null }]) });
    render(<SweepsPage client={new ApiClient("key", vi.fn())} />);

    expect(await screen.findByRole("link", { name: "sw_1" })).toHaveAttribute("href", "/sweeps/sw_1");
  });

  it("show a running sweep's progress", async () => {
    mockFetch({ "/api/v1/sweeps/sw_1": () => json(status("Running", { phase: "running", runs: 4, completed: 1, failed: 0, progress: 0.25 })) });
    render(<SweepPage client={new ApiClient("key", vi.fn())} id="sw_1" />);

    expect(await screen.findByText(/runs done/)).toHaveTextContent("running: 1 of 4 runs done, 0 failed (25.00 %)");
    expect(screen.getByRole("progressbar", { name: "Sweep progress" })).toHaveAttribute("value", "0.25");
  });

  it("rank a finished sweep, map a two-setting grid as a heatmap whose cells open their runs, and list the failed runs", async () => {
    mockFetch({ "/api/v1/sweeps/sw_1": () => json(status("Completed")), "/api/v1/sweeps/sw_1/result": () => json(outcome) });
    render(<SweepPage client={new ApiClient("key", vi.fn())} id="sw_1" />);

    const ranking = await screen.findByRole("table", { name: "Ranking" });
    const rows = within(ranking).getAllByRole("row");
    expect(rows[0]).toHaveTextContent("RankRunmargin_fractionmax_delta_driftsharpeapymax_drawdownfinal_equity");
    expect(rows[1]).toHaveTextContent("1sw_1-10.30.012.5007.10 %0.20 %101,000.00");
    expect(within(screen.getByRole("table", { name: "Failed runs" })).getByRole("row", { name: /sw_1-3/ })).toHaveTextContent("a gap in the data");

    const heatmap = screen.getByRole("group", { name: "sharpe by margin_fraction (across) and max_delta_drift (down): greener ranks better; grey failed" });
    expect(within(heatmap).getAllByRole("link")).toHaveLength(4);
    expect(within(heatmap).getByRole("link", { name: "margin_fraction=0.3, max_delta_drift=0.02: sharpe failed" })).toHaveAttribute("href", "/runs/sw_1-3");
    await userEvent.click(within(heatmap).getByRole("link", { name: "margin_fraction=0.3, max_delta_drift=0.01: sharpe 2.500, rank 1" }));
    expect(window.location.pathname).toBe("/runs/sw_1-1");
  });

  it("draw no heatmap when one setting varies", async () => {
    const one = { ...outcome, ranking: outcome.ranking.map((run) => ({ ...run, parameters: { margin_fraction: run.parameters.margin_fraction! } })), failures: [] };
    mockFetch({ "/api/v1/sweeps/sw_1": () => json(status("Completed")), "/api/v1/sweeps/sw_1/result": () => json(one) });
    render(<SweepPage client={new ApiClient("key", vi.fn())} id="sw_1" />);

    expect(await screen.findByRole("table", { name: "Ranking" })).toBeInTheDocument();
    expect(screen.queryByRole("group")).toBeNull();
  });
});
