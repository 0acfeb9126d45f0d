import type { LiveInstance } from "../api/client";

/** A live instance as the API answers it, paper and paused unless told otherwise. */
export function instance(overrides: Partial<LiveInstance> = {}): LiveInstance {
  return {
    id: "li_paper",
    name: "eth basis paper",
    mode: "eth_basis",
    share_class: "USDT",
    capital: 100000,
    venues: ["binance", "ethereum"],
    limits: { max_trade_size_usd: 50000, emergency_stop_loss_pct: null },
    execution: "paper",
    status: "paused",
    health: "idle",
    health_reason: "paused",
    last_heartbeat_utc: "2026-12-03T14:00:00Z",
    last_cycle_utc: "2026-12-03T13:00:00Z",
    breaches: [],
    created_utc: "2026-12-01T09:00:00Z",
    updated_utc: "2026-12-03T14:00:00Z",
    ...overrides,
  };
}
