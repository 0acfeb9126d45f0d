import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiClient, type RunListEntry } from "../api/client";
import { json, mockFetch } from "../test/fetchMock";
import { RunsPage } from "./RunsPage";

const runs: RunListEntry[] = [
  { id: "bt_2", status: "Running", created: "2026-12-03T14:07:48Z", updated: "2026-12-03T14:07:49Z", sweep: null, error: null },
  { id: "sw_1-0", status: "Failed", created: "2026-12-02T09:00:00Z", updated: "2026-12-02T09:01:00Z", sweep: "sw_1", error: "a gap in the data" },
];

describe("the runs list", () => {
  it("lists the backtests with their status, times and sweep, each linking to its page", async () => {
    mockFetch({ "/api/v1/backtests": () => json(runs) });
    render(<RunsPage client={new ApiClient("key", vi.fn())} />);

    const rows = within((await screen.findAllByRole("table"))[0]!).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByRole("link", { name: "bt_2" })).toHaveAttribute("href", "/runs/bt_2");
    expect(rows[1]).toHaveTextContent("Running2026-12-03 14:07 UTC");
    expect(rows[2]).toHaveTextContent("Failed");
    expect(rows[2]).toHaveTextContent("sw_1");
  });

  it("selects 2 to 5 completed runs and opens their comparison", async () => {
    const completed = ["bt_a", "bt_b", "bt_c", "bt_d", "bt_e", "bt_f"].map((id) => ({ ...runs[0]!, id, status: "Completed" }));
    mockFetch({ "/api/v1/backtests": () => json([...completed, runs[0]]) });
    render(<RunsPage client={new ApiClient("key", vi.fn())} />);

    const compare = screen.getByRole("button", { name: "Compare selected (0)" });
    expect(await screen.findByRole("checkbox", { name: "Select bt_2" })).toBeDisabled();
    await userEvent.click(screen.getByRole("checkbox", { name: "Select bt_a" }));
    expect(compare).toBeDisabled();
    for (const id of ["bt_b", "bt_c", "bt_d", "bt_e"]) {
      await userEvent.click(screen.getByRole("checkbox", { name: `Select ${id}` }));
    }

    expect(screen.getByRole("checkbox", { name: "Select bt_f" })).toBeDisabled();
    await userEvent.click(screen.getByRole("checkbox", { name: "Select bt_c" }));
    await userEvent.click(screen.getByRole("button", { name: "Compare selected (4)" }));
    expect(window.location.pathname).toBe("/compare/bt_a,bt_b,bt_d,bt_e");
  });

  it("says so when the API is down", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("Failed to fetch")));
    render(<RunsPage client={new ApiClient("key", vi.fn())} />);

    expect(screen.getByRole("status")).toHaveTextContent("Loading the backtests");
    expect(await screen.findByRole("alert")).toHaveTextContent("The API is not answering: is basis serve running?");
  });
});
