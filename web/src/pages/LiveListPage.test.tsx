import { render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ApiClient } from "../api/client";
import { json, mockFetch } from "../test/fetchMock";
import { instance } from "../test/live";
import LiveListPage from "./LiveListPage";

describe("the live instances list", () => {
  it("shows paper and real unmistakably, with status, health and its reason, heartbeat, cycle and breaches", async () => {
    const breach = { kind: "breach", message: "emergency stop by the operator", details: null, occurred_utc: "2026-12-03T12:00:00Z" };
    mockFetch({
      "/api/v1/live": () =>
        json([
          instance({ status: "active", health: "healthy", health_reason: "beating" }),
          instance({ id: "li_real", name: "real desk", execution: "real", status: "halted", health: "unhealthy", health_reason: "halted: emergency stop", breaches: [breach, breach], last_heartbeat_utc: null }),
        ]),
    });
    render(<LiveListPage client={new ApiClient("key", vi.fn())} />);

    const rows = within(await screen.findByRole("table")).getAllByRole("row");
    expect(rows).toHaveLength(3);
    const [paper, real] = [rows[1]!, rows[2]!];
    expect(within(paper).getByRole("link", { name: "eth basis paper" })).toHaveAttribute("href", "/live/li_paper");
    expect(within(paper).getByText("PAPER")).toHaveClass("badge", "paper");
    expect(within(paper).queryByText("REAL")).toBeNull();
    expect(paper).toHaveTextContent("eth_basisUSDTactivehealthybeating2026-12-03 14:00 UTC2026-12-03 13:00 UTC0");
    expect(within(real).getByText("REAL")).toHaveClass("badge", "real");
    expect(within(real).queryByText("PAPER")).toBeNull();
    expect(real).toHaveTextContent("haltedunhealthyhalted: emergency stopnever2026-12-03 13:00 UTC2");
  });

  it("says so when there are none, and shows the API's 503 in its words", async () => {
    mockFetch({ "/api/v1/live": () => json([]) });
    const { unmount } = render(<LiveListPage client={new ApiClient("key", vi.fn())} />);
    expect(await screen.findByText(/No live instances yet/)).toBeInTheDocument();
    unmount();

    mockFetch({
      "/api/v1/live": () =>
        json({ title: "Live trading is not configured on this host: it keeps its ledger in PostgreSQL.", detail: "Set BASIS_DATABASE_CONNECTION.", status: 503 }, 503),
    });
    render(<LiveListPage client={new ApiClient("key", vi.fn())} />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Live trading is not configured on this host");
  });
});
