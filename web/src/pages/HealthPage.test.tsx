import { render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ApiClient, type DetailedHealth } from "../api/client";
import { json, mockFetch } from "../test/fetchMock";
import HealthPage from "./HealthPage";

const checks = (reachable: boolean) => ({ initialized: true, reachable, answered_in_time: true });
const report: DetailedHealth = {
  status: "unhealthy",
  timestamp: "2026-12-03T12:00:00Z",
  service: "basis",
  execution_mode: "backtest",
  uptime_seconds: 3600,
  system: { cpu_percent: 15.2, memory_percent: 45.8, memory_available_gb: 8.5, disk_percent: null, process_memory_mb: 180.3 },
  components: {
    data_source: { status: "healthy", error_code: null, readiness_checks: checks(true), description: "csv", elapsed_ms: 0.4 },
    result_store: { status: "unhealthy", error_code: "NpgsqlException", readiness_checks: checks(false), description: "NpgsqlException (the server log has the details)", elapsed_ms: "12.0" },
  },
  summary: { total_components: 2, healthy_components: 1, unhealthy_components: 1 },
};

describe("the health page", () => {
  it("shows every component with its status and checks, even from a 503", async () => {
    mockFetch({ "/health/detailed": () => json(report, 503) });
    render(<HealthPage client={new ApiClient("key", vi.fn())} />);

    expect(await screen.findByText(/The server is/)).toHaveTextContent("The server is unhealthy: 1 of 2 components healthy, 1 unhealthy");
    const table = screen.getByRole("table", { name: "Components" });
    const store = within(table).getByRole("row", { name: /result_store/ });
    expect(store).toHaveTextContent("unhealthyNpgsqlException");
    expect(store).toHaveTextContent("✗ reachable");
    expect(store).toHaveTextContent("12.0 ms");
    expect(within(table).getByRole("row", { name: /data_source/ })).toHaveTextContent("healthy");
    expect(screen.getByText("1 h 0 min")).toBeInTheDocument();
    expect(screen.getByText("8.5 GiB")).toBeInTheDocument();
  });

  it("says so when the API is down", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("Failed to fetch")));
    render(<HealthPage client={new ApiClient("key", vi.fn())} />);
    expect(await screen.findByRole("alert")).toHaveTextContent("The API is not answering");
  });
});
