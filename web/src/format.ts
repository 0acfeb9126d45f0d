/** Decimals per share class, as report.html shows them. */
const decimals: Record<string, number> = { USDT: 2, ETH: 6 };

const notApplicable = "n/a";

/** One formatter per number of digits: making one costs far more than using it, and a chart's axes ask thousands of times. */
const formatters = new Map<number, Intl.NumberFormat>();

function fixed(value: number, digits: number): string {
  // -0.00 reads as a loss: a value that rounds to zero is shown as zero.
  const rounded = Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value;
  let formatter = formatters.get(digits);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(digits, formatter);
  }

  return formatter.format(rounded);
}

/**
 * Makes the number formats a page of figures uses first. A page's first number format costs some 40 ms (the browser
 * loads its locale data then): a page that waits for its data can pay that while it waits rather than after.
 */
export function prepareFormats(): void {
  for (const digits of [0, 2]) {
    fixed(0, digits);
  }
}

/** An amount in its share class's unit: "101,644.13 USDT", "100.250000 ETH". */
export function formatAmount(value: number | null, shareClass: string): string {
  return value === null ? notApplicable : `${fixed(value, decimals[shareClass] ?? 4)} ${shareClass}`;
}

/** A fraction as a percentage: 0.0667 → "6.67 %". */
export function formatPercent(fraction: number | null): string {
  return fraction === null ? notApplicable : `${fixed(fraction * 100, 2)} %`;
}

/** A plain figure (a ratio such as Sharpe): "8.55". */
export function formatNumber(value: number | null, digits = 2): string {
  return value === null ? notApplicable : fixed(value, digits);
}

/** An ISO time as "2025-01-01 00:00 UTC". */
export function formatTime(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : `${time.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** A number as the API's document types it (`number | string`: .NET may write a decimal as a string), as a number. */
export function toNumber(value: number | string): number;
export function toNumber(value: number | string | null | undefined): number | null;
export function toNumber(value: number | string | null | undefined): number | null {
  return value === null || value === undefined ? null : typeof value === "number" ? value : Number(value);
}

/** A time that may be missing: "never" when it is. */
export function formatTimeOrNever(iso: string | null): string {
  return iso === null ? "never" : formatTime(iso);
}
