import type { StrategyCoverage } from "./client";

/** A setting of a mode's merged configuration the wizard lets one change: its dotted key, its value as text, its type. */
export interface Parameter {
  key: string;
  value: string;
  type: "number" | "boolean" | "text";
}

/** Keys the wizard shows elsewhere (risk, share class) or that are wiring rather than strategy parameters. */
const notParameters = new Set(["mode", "description", "share_class", "target_apy", "max_drawdown", "prices", "data_fallbacks", "capital_flows"]);

/** The scalar settings of a configuration tree (scalars are text, as the files hold them), nested keys dotted. */
export function parameters(config: unknown, prefix = ""): Parameter[] {
  if (!config || typeof config !== "object" || Array.isArray(config)) {
    return [];
  }

  return Object.entries(config).flatMap(([name, value]): Parameter[] => {
    const key = prefix + name;
    if (prefix === "" && notParameters.has(name)) {
      return [];
    }

    if (value && typeof value === "object") {
      return Array.isArray(value) ? [] : parameters(value, `${key}.`);
    }

    const text = value === null ? "" : String(value);
    const type = /^(true|false)$/i.test(text) ? "boolean" : text.trim() !== "" && Number.isFinite(Number(text)) ? "number" : "text";
    return [{ key, value: text, type }];
  });
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
