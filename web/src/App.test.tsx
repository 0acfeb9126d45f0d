import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { App } from "./App";
import { navigate } from "./router";
import { json, mockFetch } from "./test/fetchMock";

describe("sign-in", () => {
  it("keeps the key in sessionStorage only, sends it, and forgets it on sign-out", async () => {
    const fetch = mockFetch({ "/api/v1/backtests": () => json([]) });
    const user = userEvent.setup();
    render(<App />);

    await user.type(screen.getByLabelText("API key"), "my-key");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    expect(await screen.findByText("No backtests yet.")).toBeInTheDocument();
    expect(sessionStorage.getItem("basis.apiKey")).toBe("my-key");
    expect(localStorage.length).toBe(0);
    expect(fetch.mock.calls[0]![1]).toMatchObject({ headers: { "X-API-Key": "my-key" } });

    await user.click(screen.getByRole("button", { name: "Sign out" }));

    expect(screen.getByLabelText("API key")).toBeInTheDocument();
    expect(sessionStorage.getItem("basis.apiKey")).toBeNull();
  });

  it("goes back to sign-in, saying why, when the API refuses the key", async () => {
    sessionStorage.setItem("basis.apiKey", "revoked-key");
    mockFetch({ "/api/v1/backtests": () => json({ title: "Unauthorized", status: 401 }, 401) });
    render(<App />);

    expect(await screen.findByRole("alert")).toHaveTextContent("The API refused this key (401)");
    expect(screen.getByLabelText("API key")).toBeInTheDocument();
    expect(sessionStorage.getItem("basis.apiKey")).toBeNull();
  });

  it("opens the page of a deep link once signed in", async () => {
    window.history.replaceState(null, "", "/runs/bt_1");
    sessionStorage.setItem("basis.apiKey", "my-key");
    mockFetch({ "/api/v1/backtests/bt_1": () => json({ title: "No backtest 'bt_1'.", detail: "List them at /api/v1/backtests.", status: 404 }, 404) });
    render(<App />);

    expect(screen.getByRole("heading", { name: "bt_1" })).toBeInTheDocument();
    expect(await screen.findByRole("alert")).toHaveTextContent("No backtest 'bt_1'. List them at /api/v1/backtests.");
  });
});

describe("the live pages", () => {
  it("are linked from the top navigation and loaded on demand", async () => {
    sessionStorage.setItem("basis.apiKey", "my-key");
    mockFetch({ "/api/v1/backtests": () => json([]), "/api/v1/live": () => json([]) });
    const user = userEvent.setup();
    render(<App />);

    await user.click(screen.getByRole("link", { name: "Live" }));

    expect(await screen.findByRole("heading", { name: "Live instances" })).toBeInTheDocument();
    expect(await screen.findByText(/No live instances yet/)).toBeInTheDocument();
    expect(window.location.pathname).toBe("/live");
    expect(screen.getByRole("link", { name: "Live" })).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("link", { name: "Health" })).toHaveAttribute("href", "/health");
  });

  it("route the wizard, a sweep and a comparison by path, /live/new before an instance", async () => {
    sessionStorage.setItem("basis.apiKey", "my-key");
    mockFetch({
      "/api/v1/backtests": () => json([]),
      "/api/v1/sweeps": () => json([]),
      "/api/v1/strategies": () => json({ strategies: [], total: 0 }),
    });
    const user = userEvent.setup();
    render(<App />);

    await user.click(screen.getByRole("link", { name: "New backtest" }));
    expect(await screen.findByRole("heading", { name: "New backtest" })).toBeInTheDocument();
    await user.click(screen.getByRole("link", { name: "Sweeps" }));
    expect(await screen.findByText(/No sweeps yet/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Sweeps" })).toHaveAttribute("aria-current", "page");
    act(() => navigate("/live/new"));
    expect(await screen.findByRole("heading", { name: "New live instance" })).toBeInTheDocument();
  });
});
