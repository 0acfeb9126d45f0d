import type { RunStatus } from "./client";

/**
 * summary.json (docs/results.md): amounts in share-class units, ratios as fractions, null where undefined. The
 * OpenAPI document describes the result as free-form JSON, so its shape is declared here.
 */
export interface Summary {
  run_id: string;
  mode: string;
  share_class: string;
  start: string;
  end: string;
  initial_capital: number;
  final_equity: number;
  net_flows: number;
  pnl: number;
  total_return: number | null;
  apr: number | null;
  apy: number | null;
  volatility: number | null;
  sharpe: number | null;
  sortino: number | null;
  calmar: number | null;
  max_drawdown: number;
  max_drawdown_duration_hours: number;
  attribution: Record<string, number>;
  attribution_residual: number;
  funding_received: number;
  rebalances: number;
  trades: number;
  liquidations: number;
  overrides: string[];
}

/** A running backtest's `customStatus`: its phase, segment of segments, the hours it covers and its progress 0–1. */
export interface BacktestProgress {
  phase: string;
  segment: number;
  segments: number;
  from: string;
  to: string;
  progress: number;
}

/** True while the run may still change: Pending or Running. */
export function isActive(status: RunStatus): boolean {
  return status.runtimeStatus === "Pending" || status.runtimeStatus === "Running";
}

/** The backtest's progress, or null before its orchestration reports any. */
export function progressOf(status: RunStatus): BacktestProgress | null {
  const custom = status.customStatus as Partial<BacktestProgress> | null;
  return custom && typeof custom.progress === "number" ? (custom as BacktestProgress) : null;
}

/** The columns of timeseries.csv the charts draw: times (Unix seconds), equity, drawdown and each source's cumulative P&L. */
export interface Timeseries {
  time: number[];
  equity: number[];
  drawdown: number[];
  attribution: Map<string, number[]>;
}

/** Reads timeseries.csv, keeping the attribution columns of `sources` that it has. */
export function parseTimeseries(csv: string, sources: string[]): Timeseries {
  const [header = "", ...rows] = csv.trim().split("\n");
  const columns = header.split(",");
  const cells = rows.map((row) => row.split(","));
  const column = (name: string) => {
    const index = columns.indexOf(name);
    return cells.map((row) => Number(row[index]));
  };

  return {
    time: cells.map((row) => Date.parse(row[0] ?? "") / 1000),
    equity: column("equity"),
    drawdown: column("drawdown"),
    attribution: new Map(sources.filter((source) => columns.includes(source)).map((source) => [source, column(source)])),
  };
}
