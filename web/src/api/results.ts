import type { BacktestChart, RunStatus } from "./client";

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

/** timeseries.csv (docs/results.md): times in Unix seconds, and every other column by name; an empty cell is null. */
export interface Timeseries {
  time: number[];
  columns: Map<string, (number | null)[]>;
}

/** Reads timeseries.csv. An empty cell (an infinite health factor, a margin ratio without a position) is null. */
export function parseTimeseries(csv: string): Timeseries {
  const [header = "", ...rows] = csv.trim().split("\n");
  const names = header.split(",");
  const cells = rows.map((row) => row.split(","));
  return {
    time: cells.map((row) => Date.parse(row[0] ?? "") / 1000),
    columns: new Map(names.slice(1).map((name, i) => [name, cells.map((row) => (row[i + 1] ? Number(row[i + 1]) : null))])),
  };
}

/**
 * A series of the chart endpoint (`BacktestChart`'s drawn hours or month ends) as a timeseries. The server writes its
 * numbers as JSON numbers (the document allows strings for any .NET number): tens of thousands are taken as they are.
 */
export function chartTimeseries(series: BacktestChart["drawn"]): Timeseries {
  return {
    time: series.time as number[],
    columns: new Map(series.columns.map((column) => [column.name, column.values as (number | null)[]])),
  };
}

/** The columns of a timeseries, by what they hold (docs/results.md names them). */
export function columnGroups(series: Timeseries, sources: string[]) {
  const names = [...series.columns.keys()];
  const known = new Set(["equity", "drawdown", "residual", "net_flows", "health_factor", "ltv", "net_delta", ...sources]);
  return {
    attribution: sources.filter((source) => series.columns.has(source)),
    risk: ["health_factor", "ltv"].filter((name) => series.columns.has(name)),
    margin: names.filter((name) => name.startsWith("margin_ratio_")),
    positions: positionsByAsset(names.filter((name) => !known.has(name) && !name.startsWith("margin_ratio_"))),
  };
}

/**
 * Position columns (`location:kind:asset`, e.g. `binance:Perp:ETHUSDT`) by their asset, so each chart holds one unit;
 * a column named otherwise is a group of its own.
 */
function positionsByAsset(names: string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const asset = name.split(":").at(-1)!;
    groups.set(asset, [...(groups.get(asset) ?? []), name]);
  }

  return groups;
}

/**
 * What the run's capital and flows would be worth lent at `growth` (one unit lent at the run's start grows to
 * `growth[i]` by `time[i]`), on the run's hours; null on an hour the benchmark lacks. Both times ascend, so the
 * benchmark's hours are walked alongside the run's (a year is 8,760 of them: no map of them is built).
 */
export function lentEquity(series: Timeseries, initialCapital: number, time: number[], growth: number[]): (number | null)[] {
  const flows = series.columns.get("net_flows");
  let value = initialCapital;
  let lastGrowth = 1;
  let lastFlows = 0;
  let j = 0;
  return series.time.map((t, i) => {
    while (j < time.length && time[j]! < t) {
      j++;
    }
    const g = time[j] === t ? growth[j] : undefined;
    // Each hour's deposits (or withdrawals) are lent from then on.
    const flowsNow = flows?.[i] ?? 0;
    value += flowsNow - lastFlows;
    lastFlows = flowsNow;
    if (g === undefined) {
      return null;
    }

    value *= g / lastGrowth;
    lastGrowth = g;
    return value;
  });
}

/** One calendar month's return: the change in equity less the month's flows, over the equity it started with. */
export interface MonthlyReturn {
  month: string;
  value: number;
}

/**
 * Monthly returns (UTC months) from the equity and cumulative net flows at each month's last hour (the hours between,
 * if given, are passed over); the first month starts from the capital.
 */
export function monthlyReturns(series: Timeseries, initialCapital: number): MonthlyReturn[] {
  const equity = series.columns.get("equity") ?? [];
  const flows = series.columns.get("net_flows");
  const months: MonthlyReturn[] = [];
  let startEquity = initialCapital;
  let startFlows = 0;
  for (let i = 0; i < series.time.length; i++) {
    const month = new Date(series.time[i]! * 1000).toISOString().slice(0, 7);
    const last = i + 1 === series.time.length || new Date(series.time[i + 1]! * 1000).toISOString().slice(0, 7) !== month;
    if (last) {
      const endEquity = equity[i] ?? startEquity;
      const endFlows = flows?.[i] ?? 0;
      months.push({ month, value: (endEquity - startEquity - (endFlows - startFlows)) / startEquity });
      startEquity = endEquity;
      startFlows = endFlows;
    }
  }

  return months;
}

/** One line of events.jsonl: its type, its time, and the fields its type has. */
export type RunEvent = { type: string; time: string } & Record<string, unknown>;

export function parseEvents(jsonl: string): RunEvent[] {
  return jsonl
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as RunEvent);
}

/** A sweep's running status (`customStatus`): runs finished so far of all its runs, and its progress 0–1. */
export interface SweepProgress {
  phase: string;
  runs: number;
  completed: number;
  failed: number;
  progress: number;
}

/** A sweep's result: completed runs ranked by `rankBy`, with what varied and their figures, then the failed runs. */
export interface SweepOutcome {
  sweepId: string;
  rankBy: string;
  ascending: boolean;
  ranking: { rank: number; runId: string; parameters: Record<string, string>; value: number | null; metrics: Record<string, number | null> }[];
  failures: { runId: string; parameters: Record<string, string>; error: string }[];
}
