import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiClient, type StrategyConfig, type StrategyCoverage } from "../api/client";
import { json, mockFetch } from "../test/fetchMock";
import BacktestWizardPage from "./BacktestWizardPage";

const strategies = {
  total: 3,
  strategies: [
    { name: "eth_basis", aliases: [], share_class: "USDT", family: null, implemented: true, description: "Long ETH spot, short ETH perps; earns funding." },
    { name: "pure_lending_eth", aliases: [], share_class: "ETH", family: null, implemented: true, description: "Supplies ETH to AAVE." },
    { name: "ml_btc", aliases: [], share_class: "USDT", family: "ml", implemented: false, description: "not yet" },
  ],
};
const config: StrategyConfig = {
  name: "eth_basis",
  config_hash: "ab",
  config: {
    mode: "eth_basis", target_apy: "0.08", max_drawdown: "0.02", hedge_allocation: { binance: "0.4", okx: "0.3" }, margin_fraction: "0.25", rebalance_enabled: "true",
    spot_venue: "bybit", prices: { ETH: "spot/bybit/ETHUSDT" },
  },
  parameters: [
    { key: "hedge_allocation.binance", type: "number", min: 0, max: 1, choices: null },
    { key: "hedge_allocation.okx", type: "number", min: 0, max: 1, choices: null },
    { key: "margin_fraction", type: "number", min: 0.01, max: 1, choices: null },
    { key: "rebalance_enabled", type: "boolean", min: null, max: null, choices: null },
    { key: "spot_venue", type: "choice", min: null, max: null, choices: ["binance", "bybit", "okx"] },
  ],
};
const coverage: StrategyCoverage = {
  name: "eth_basis",
  start: "2025-01-01T00:00:00Z",
  end: "2025-04-01T00:00:00Z",
  venues: ["binance", "bybit", "okx"],
  series: [
    { id: "perp/binance/ETHUSDT", start: "2025-01-01T00:00:00Z", end: "2025-04-01T00:00:00Z" },
    { id: "spot/bybit/ETHUSDT", start: "2024-06-01T00:00:00Z", end: "2025-04-01T00:00:00Z" },
  ],
};

function answers(submit: () => Response) {
  return mockFetch({
    "/api/v1/strategies": () => json(strategies),
    "/api/v1/strategies/eth_basis/config": () => json(config),
    "/api/v1/strategies/eth_basis/coverage": () => json(coverage),
    "/api/v1/backtests": submit,
  });
}

async function throughToParameters() {
  render(<BacktestWizardPage client={new ApiClient("key", vi.fn())} />);
  await userEvent.click(screen.getByRole("radio", { name: "USDT" }));
  await userEvent.click(screen.getByRole("button", { name: "Next" }));
  await userEvent.click(await screen.findByRole("radio", { name: /eth_basis/ }));
  expect(await screen.findByText("8.00 %")).toBeInTheDocument();
  expect(screen.getByText("binance, bybit, okx")).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: "Next" }));
  fireEvent.change(screen.getByLabelText("Initial capital (USDT)"), { target: { value: "250000" } });
  fireEvent.change(screen.getByLabelText("Start (UTC midnight)"), { target: { value: "2025-01-01" } });
  fireEvent.change(screen.getByLabelText("End (UTC midnight, exclusive)"), { target: { value: "2025-03-01" } });
  await userEvent.click(screen.getByRole("button", { name: "Next" }));
}

describe("the backtest wizard", () => {
  it("offers the share class's modes with their risk and venues, refuses a period outside the data with the API's words", async () => {
    answers(() => json({}));
    render(<BacktestWizardPage client={new ApiClient("key", vi.fn())} />);

    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByRole("radio", { name: /eth_basis/ })).toBeInTheDocument();
    expect(screen.queryByRole("radio", { name: /pure_lending_eth/ })).toBeNull();
    expect(screen.getByRole("radio", { name: /ml_btc/ })).toBeDisabled();
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByRole("alert")).toHaveTextContent("choose a mode");

    await userEvent.click(screen.getByRole("radio", { name: /eth_basis/ }));
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByText("The data eth_basis reads covers 2025-01-01 00:00 UTC → 2025-04-01 00:00 UTC.")).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText("Start (UTC midnight)"), { target: { value: "2025-01-01" } });
    fireEvent.change(screen.getByLabelText("End (UTC midnight, exclusive)"), { target: { value: "2025-05-01" } });
    await userEvent.click(screen.getByRole("button", { name: "Next" }));

    const end = screen.getByLabelText("End (UTC midnight, exclusive)");
    expect(end).toHaveAttribute("aria-invalid", "true");
    expect(end).toHaveAccessibleDescription(
      "must be on or before 2025-04-01T00:00:00Z: the data eth_basis reads covers 2025-01-01T00:00:00Z → 2025-04-01T00:00:00Z (perp/binance/ETHUSDT ends then)",
    );
    expect(screen.getByRole("form", { name: "Capital and period" })).toBeInTheDocument();
  });

  it("sends only the changed parameters, typed, with stress and flows, then opens the run", async () => {
    const fetch = answers(() => json({ id: "bt_new", statusQueryGetUri: "", terminatePostUri: "", resultUri: "" }, 202));
    await throughToParameters();

    expect(screen.getByLabelText("hedge_allocation.binance")).toHaveValue(0.4);
    expect(screen.queryByLabelText("prices.ETH")).toBeNull();
    fireEvent.change(screen.getByLabelText("hedge_allocation.okx"), { target: { value: "0" } });
    await userEvent.click(screen.getByLabelText("rebalance_enabled"));
    // A choice is picked from its members, the default selected.
    const spotVenue = screen.getByLabelText("spot_venue");
    expect(spotVenue).toHaveValue("bybit");
    expect(within(spotVenue).getAllByRole("option").map((o) => o.textContent)).toEqual(["binance", "bybit", "okx"]);
    await userEvent.selectOptions(spotVenue, "okx");
    fireEvent.change(screen.getByLabelText("Stress scenarios, one a line"), { target: { value: "lst_depeg=0.05,at=2025-02-01,hours=24\n" } });
    fireEvent.change(screen.getByLabelText("Capital flows, one a line: time, amount"), { target: { value: "2025-02-01T00:00:00Z, 50000" } });
    await userEvent.click(screen.getByRole("button", { name: "Next" }));

    const review = screen.getByRole("region", { name: "Review" });
    expect(within(review).getByText("250,000.00 USDT")).toBeInTheDocument();
    expect(within(review).getByText("hedge_allocation.okx=0, rebalance_enabled=false, spot_venue=okx")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Start the backtest" }));

    await vi.waitFor(() => expect(window.location.pathname).toBe("/runs/bt_new"));
    const [, init] = fetch.mock.calls.find(([url]) => url === "/api/v1/backtests")!;
    expect(JSON.parse(String(init!.body))).toEqual({
      strategy_name: "eth_basis",
      share_class: "USDT",
      start_date: "2025-01-01T00:00:00Z",
      end_date: "2025-03-01T00:00:00Z",
      initial_capital: 250000,
      config_overrides: { hedge_allocation: { okx: 0 }, rebalance_enabled: false, spot_venue: "okx" },
      stress: ["lst_depeg=0.05,at=2025-02-01,hours=24"],
      capital_flows: [{ time: "2025-02-01T00:00:00Z", amount: 50000 }],
    });
  });

  it("shows each problem the API names beside its field, going back to the first step with one", async () => {
    answers(() =>
      json(
        {
          title: "One or more validation errors occurred.",
          status: 400,
          errors: {
            config_overrides: [
              "--set hedge_allocation.okx=0.5: hedge_allocation: weights must sum to 1 (got 0.9)\n--set margin_fraction=0.9: margin_fraction: must lie between margin_topup_threshold (0.15) and margin_excess_threshold (0.4), got 0.9",
            ],
            "capital_flows[0].time": ["must be on a whole hour inside the run"],
          },
        },
        400,
      ),
    );
    await throughToParameters();
    fireEvent.change(screen.getByLabelText("hedge_allocation.okx"), { target: { value: "0.5" } });
    fireEvent.change(screen.getByLabelText("margin_fraction"), { target: { value: "0.9" } });
    fireEvent.change(screen.getByLabelText("Capital flows, one a line: time, amount"), { target: { value: "2025-02-01T00:30:00Z, 5" } });
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    await userEvent.click(screen.getByRole("button", { name: "Start the backtest" }));

    const margin = await screen.findByLabelText("margin_fraction");
    expect(margin).toHaveAttribute("aria-invalid", "true");
    expect(margin).toHaveAccessibleDescription(
      "number from 0.01 to 1, default 0.25 --set margin_fraction=0.9: margin_fraction: must lie between margin_topup_threshold (0.15) and margin_excess_threshold (0.4), got 0.9",
    );
    // A problem naming no one setting stands above them all.
    expect(screen.getByText("--set hedge_allocation.okx=0.5: hedge_allocation: weights must sum to 1 (got 0.9)")).toBeInTheDocument();
    expect(screen.getByLabelText("hedge_allocation.binance")).toHaveAttribute("aria-invalid", "false");
    expect(screen.getByLabelText("Capital flows, one a line: time, amount")).toHaveAccessibleDescription(/capital_flows\[0\]\.time: must be on a whole hour inside the run/);
    expect(screen.getAllByRole("alert")[0]).toHaveTextContent("The API refused the request");
  });

  it("refuses a setting outside its range before submitting, in the API's words", async () => {
    const fetch = answers(() => json({}));
    await throughToParameters();

    expect(screen.getByLabelText("hedge_allocation.okx")).toHaveAccessibleDescription("number from 0 to 1, default 0.3");
    fireEvent.change(screen.getByLabelText("hedge_allocation.okx"), { target: { value: "2" } });
    await userEvent.click(screen.getByRole("button", { name: "Next" }));

    expect(screen.getByLabelText("hedge_allocation.okx")).toHaveAccessibleDescription("number from 0 to 1, default 0.3 hedge_allocation.okx: must be between 0 and 1 (got 2)");
    expect(screen.getByRole("form", { name: "Parameters" })).toBeInTheDocument();
    expect(fetch.mock.calls.some(([url]) => url === "/api/v1/backtests")).toBe(false);
  });
});
