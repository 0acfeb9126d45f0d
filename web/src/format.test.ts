import { describe, expect, it } from "vitest";
import { formatAmount, formatNumber, formatPercent, formatTime } from "./format";

describe("number formatting", () => {
  it("shows amounts in the share class's unit with its decimals", () => {
    expect(formatAmount(101644.13176880867, "USDT")).toBe("101,644.13 USDT");
    expect(formatAmount(100.2500004, "ETH")).toBe("100.250000 ETH");
    expect(formatAmount(-295.2684748, "USDT")).toBe("-295.27 USDT");
  });

  it("never shows a negative zero", () => {
    expect(formatAmount(-1.5e-11, "USDT")).toBe("0.00 USDT");
    expect(formatPercent(-0.00000001)).toBe("0.00 %");
  });

  it("shows fractions as percentages and ratios with two decimals", () => {
    expect(formatPercent(0.06667867729056015)).toBe("6.67 %");
    expect(formatNumber(8.54722268856434)).toBe("8.55");
  });

  it("says n/a for an undefined figure", () => {
    expect(formatAmount(null, "USDT")).toBe("n/a");
    expect(formatPercent(null)).toBe("n/a");
    expect(formatNumber(null)).toBe("n/a");
  });

  it("shows times in UTC to the minute", () => {
    expect(formatTime("2026-12-03T14:07:48.4480668+00:00")).toBe("2026-12-03 14:07 UTC");
  });
});
