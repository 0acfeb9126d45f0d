import { toNumber } from "../format";
import type { StrategyConfig, StrategyCoverage } from "./client";

/**
 * A setting of a mode's merged configuration the wizard lets one change: its dotted key, its value as text, its type,
 * and the inclusive bounds the API checks it against (null for none).
 */
export interface Parameter {
  key: string;
  value: string;
  type: "number" | "boolean" | "text";
  /** The type as the API names it (`integer`, `choice`…), for the hint. */
  kind: string;
  min: number | null;
  max: number | null;
  /** A choice's members as the files write them; null for other types. */
  choices: string[] | null;
}

/** Keys the wizard shows elsewhere (risk, share class) or that are wiring rather than strategy parameters. */
const notParameters = new Set(["mode", "description", "share_class", "target_apy", "max_drawdown", "prices", "data_fallbacks", "capital_flows"]);

/** The scalar settings of a mode's configuration, typed and bounded as its binding reads them (`parameters`). */
export function parameters(config: StrategyConfig): Parameter[] {
  const declared = new Map(config.parameters.map((p) => [p.key, p]));
  return scalars(config.config).map(({ key, value }) => {
    const range = declared.get(key);
    // A setting the binding does not declare (none should) is typed by how its value reads.
    const type = range
      ? range.type === "number" || range.type === "integer" ? "number" : range.type === "boolean" ? "boolean" : "text"
      : /^(true|false)$/i.test(value) ? "boolean" : value.trim() !== "" && Number.isFinite(Number(value)) ? "number" : "text";
    return { key, value, type, kind: range?.type ?? type, min: toNumber(range?.min) ?? null, max: toNumber(range?.max) ?? null, choices: range?.choices ?? null };
  });
}

/** The scalars of a configuration tree (text, as the files hold them), nested keys dotted, wiring left out. */
function scalars(config: unknown, prefix = ""): { key: string; value: string }[] {
  if (!config || typeof config !== "object" || Array.isArray(config)) {
    return [];
  }

  return Object.entries(config).flatMap(([name, value]) => {
    const key = prefix + name;
    if (prefix === "" && notParameters.has(name)) {
      return [];
    }

    if (value && typeof value === "object") {
      return Array.isArray(value) ? [] : scalars(value, `${key}.`);
    }

    return [{ key, value: value === null ? "" : String(value) }];
  });
}

/** The API's words for a number outside its bounds (ConfigValue.As), or null when it is inside them. */
export function outOfRange(parameter: Parameter, value: string): string | null {
  const number = Number(value);
  if (parameter.type !== "number" || value.trim() === "" || !Number.isFinite(number)) {
    return null;
  }

  const { min, max } = parameter;
  if ((min === null || number >= min) && (max === null || number <= max)) {
    return null;
  }

  const rule = min !== null && max !== null ? `must be between ${min} and ${max}` : min !== null ? `must be at least ${min}` : `must be at most ${max}`;
  return `${parameter.key}: ${rule} (got ${value.trim()})`;
}

/** A parameter's type and bounds in words, for its hint. */
export function describeRange(parameter: Parameter): string {
  const { type, min, max } = parameter;
  const kind = type === "boolean" ? "yes/no" : parameter.kind;
  const bounds = min !== null && max !== null ? ` from ${min} to ${max}` : min !== null ? ` at least ${min}` : max !== null ? ` at most ${max}` : "";
  return `${kind}${bounds}, default ${parameter.value}`;
}

/** The settings changed from their defaults, as the nested object `config_overrides` takes, values typed. */
export function overrides(defaults: Parameter[], values: Record<string, string>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const parameter of defaults) {
    const value = values[parameter.key];
    if (value === undefined || value === parameter.value) {
      continue;
    }

    const path = parameter.key.split(".");
    let node = result;
    for (const name of path.slice(0, -1)) {
      node = (node[name] ??= {}) as Record<string, unknown>;
    }

    // A number or yes/no that does not read as one is sent as typed, for the API to name.
    const typed = parameter.type === "number" && value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : parameter.type === "boolean" ? value === "true" : value;
    node[path[path.length - 1]!] = typed;
  }

  return result;
}

/** The smallest and largest initial capital the API accepts (share-class units). */
const minCapital = 1;
const maxCapital = 1e12;

/** A date (yyyy-mm-dd) as the API's UTC midnight. */
export function utcMidnight(date: string): string {
  return `${date}T00:00:00Z`;
}

/**
 * The request fields the API would refuse for capital and period, with the API's own words (BacktestWorkspace's
 * Prepare and CheckCoverageAsync), so an impossible period is refused before it is submitted.
 */
export function checkPeriod(
  mode: string,
  shareClass: string,
  capital: string,
  start: string,
  end: string,
  coverage: StrategyCoverage | null,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const amount = Number(capital);
  if (capital.trim() !== "" && !(amount >= minCapital && amount <= maxCapital)) {
    errors.initial_capital = [`must be from ${minCapital} to ${maxCapital.toLocaleString("en-US")} ${shareClass} (got ${capital})`];
  }

  if (!start) {
    errors.start_date = ["is required"];
  }

  if (!end) {
    errors.end_date = ["is required"];
  }

  if (!start || !end) {
    return errors;
  }

  const from = utcMidnight(start);
  const to = utcMidnight(end);
  if (to <= from) {
    errors.end_date = [`must be after start_date (${from} → ${to})`];
    return errors;
  }

  if (coverage?.start && coverage.end) {
    const covered = `the data ${mode} reads covers ${coverage.start} → ${coverage.end}`;
    if (from < coverage.start) {
      const series = coverage.series.find((s) => s.start === coverage.start)?.id;
      errors.start_date = [`must be on or after ${coverage.start}: ${covered} (${series} starts then)`];
    } else if (to > coverage.end) {
      const series = coverage.series.find((s) => s.end === coverage.end)?.id;
      errors.end_date = [`must be on or before ${coverage.end}: ${covered} (${series} ends then)`];
    }
  }

  return errors;
}

/** Capital flows typed one a line as `time, amount`; a line that is not one is named as the API would name it. */
export function parseFlows(text: string): { flows: { time: string; amount: number }[]; errors: string[] } {
  const flows: { time: string; amount: number }[] = [];
  const errors: string[] = [];
  text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .forEach((line, i) => {
      const [time = "", amount = ""] = line.split(",").map((part) => part.trim());
      if (!time || amount === "" || !Number.isFinite(Number(amount))) {
        errors.push(`capital_flows[${i}]: write "time, amount", e.g. "2025-02-01T00:00:00Z, 50000" (got "${line}")`);
      } else {
        flows.push({ time, amount: Number(amount) });
      }
    });
  return { flows, errors };
}

/** The dotted key of `keys` that a configuration error names (the longest, so `a.b` wins over `a`), if any. */
export function keyNamed(message: string, keys: string[]): string | null {
  return keys.filter((key) => new RegExp(`(^|[^\\w.])${key.replace(/\./g, "\\.")}($|[^\\w.])`).test(message)).sort((a, b) => b.length - a.length)[0] ?? null;
}
