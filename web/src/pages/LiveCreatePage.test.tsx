import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiClient } from "../api/client";
import { json, mockFetch } from "../test/fetchMock";
import { instance } from "../test/live";
import LiveCreatePage from "./LiveCreatePage";

const strategies = {
  total: 1,
  strategies: [{ name: "eth_basis", aliases: [], share_class: "USDT", family: null, implemented: true, description: "basis" }],
};
const coverage = { name: "eth_basis", start: "2025-01-01T00:00:00Z", end: "2025-04-01T00:00:00Z", venues: ["binance", "bybit", "okx"], series: [] };

function answers(create: () => Response) {
  return mockFetch({
    "/api/v1/strategies": () => json(strategies),
    "/api/v1/strategies/eth_basis/coverage": () => json(coverage),
    "/api/v1/live": create,
  });
}

async function fill() {
  render(<LiveCreatePage client={new ApiClient("key", vi.fn())} />);
  fireEvent.change(await screen.findByLabelText("Name"), { target: { value: "eth basis" } });
  await userEvent.selectOptions(screen.getByLabelText("Mode"), "eth_basis");
  await vi.waitFor(() => expect(screen.getByRole("checkbox", { name: "okx" })).toBeChecked());
}

describe("creating a live instance", () => {
  it("is paper by default, says so plainly, and opens the new instance", async () => {
    const fetch = answers(() => json({ ...instance, id: "lv_new" }, 201));
    await fill();

    expect(screen.getByRole("note", { name: "Execution" })).toHaveTextContent("PAPER execution: live market data, simulated fills.");
    expect(screen.getByRole("radio", { name: /PAPER/ })).toBeChecked();
    await userEvent.click(screen.getByRole("checkbox", { name: "bybit" }));
    fireEvent.change(screen.getByLabelText("AAVE health factor floor"), { target: { value: "1.5" } });
    await userEvent.click(screen.getByRole("button", { name: "Create a paper instance (paused)" }));

    await vi.waitFor(() => expect(window.location.pathname).toBe("/live/lv_new"));
    const [, init] = fetch.mock.calls.find(([url, init]) => url === "/api/v1/live" && init?.method === "POST")!;
    expect(JSON.parse(String(init!.body))).toEqual({ name: "eth basis", mode: "eth_basis", venues: ["binance", "okx"], execution: "paper", limits: { health_factor_floor: 1.5 } });
  });

  it("asks to confirm real execution, and lists every reason the server refuses it", async () => {
    answers(() =>
      json({ title: "Real execution is refused, so nothing was created.", detail: "Create it with paper.", status: 409, reasons: ["BASIS_LIVE_TRADING__ENABLED is not true"] }, 409),
    );
    await fill();

    await userEvent.click(screen.getByRole("radio", { name: /REAL/ }));
    expect(screen.getByRole("note", { name: "Execution" })).toHaveTextContent("REAL execution");
    const create = screen.getByRole("button", { name: "Create a REAL instance (paused)" });
    expect(create).toBeDisabled();
    await userEvent.click(screen.getByRole("checkbox", { name: /I understand/ }));
    await userEvent.click(create);

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Real execution is refused, so nothing was created.");
    expect(alert).toHaveTextContent("BASIS_LIVE_TRADING__ENABLED is not true");
  });

  it("shows a problem the API names on its field", async () => {
    answers(() => json({ title: "One or more validation errors occurred.", status: 400, errors: { capital: ["must be from 1 to 1e12"] } }, 400));
    await fill();
    fireEvent.change(screen.getByLabelText("Capital (USDT)"), { target: { value: "0.5" } });
    await userEvent.click(screen.getByRole("button", { name: "Create a paper instance (paused)" }));

    await vi.waitFor(() => expect(screen.getByLabelText("Capital (USDT)")).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getByLabelText("Capital (USDT)")).toHaveAccessibleDescription("Default 100,000 USDT must be from 1 to 1e12");
  });
});
