import { describe, expect, it } from "vitest";
import { chartTimeseries, columnGroups, lentEquity, monthlyReturns, parseTimeseries } from "./results";

const csv = `timestamp,equity,drawdown,funding,residual,net_flows,health_factor,ltv,net_delta,margin_ratio_binance_ETHUSDT,wallet:BaseToken:ETH,binance:Perp:ETHUSDT,bybit:BaseToken:ETH
2025-01-31T23:00:00Z,101,0,1,0,0,,0,0.1,0.25,5,-1,1
2025-02-01T00:00:00Z,151.5,0,1.5,0,50,2.5,0.4,0.1,,5,-1,1
2025-02-28T23:00:00Z,159,0,2,0,50,2.4,0.41,0.1,0.3,6,-1,1
`;

describe("timeseries.csv", () => {
  it("reads every column, an empty cell as null, and groups them by what they hold", () => {
    const series = parseTimeseries(csv);

    expect(series.time[0]).toBe(Date.UTC(2025, 0, 31, 23) / 1000);
    expect(series.columns.get("health_factor")).toEqual([null, 2.5, 2.4]);
    expect(columnGroups(series, ["funding", "gas"])).toEqual({
      attribution: ["funding"],
      risk: ["health_factor", "ltv"],
      margin: ["margin_ratio_binance_ETHUSDT"],
      positions: new Map([
        ["ETH", ["wallet:BaseToken:ETH", "bybit:BaseToken:ETH"]],
        ["ETHUSDT", ["binance:Perp:ETHUSDT"]],
      ]),
    });
  });

  it("gives each month's return without its flows", () => {
    // January: 100 → 101 (+1 %); February: 101 → 159 with 50 deposited, so 8 earned on 101.
    const months = monthlyReturns(parseTimeseries(csv), 100);

    expect(months.map((m) => m.month)).toEqual(["2025-01", "2025-02"]);
    expect(months[0]!.value).toBeCloseTo(0.01);
    expect(months[1]!.value).toBeCloseTo(8 / 101);
  });

  it("gives the same monthly returns from each month's last hour alone (the chart endpoint's month ends)", () => {
    const monthEnds = chartTimeseries({
      time: [Date.UTC(2025, 0, 31, 23) / 1000, Date.UTC(2025, 1, 28, 23) / 1000],
      columns: [
        { name: "equity", values: [101, 159] },
        { name: "net_flows", values: [0, 50] },
        { name: "health_factor", values: [null, 2.4] },
      ],
    });

    expect(monthEnds.columns.get("health_factor")).toEqual([null, 2.4]);
    expect(monthlyReturns(monthEnds, 100)).toEqual(monthlyReturns(parseTimeseries(csv), 100));
  });

  it("lends the capital, and each deposit from its hour, at the benchmark's growth", () => {
    const series = parseTimeseries(csv);
    // 1 % more by the second hour, 2 % by the third; 50 deposited at the second hour; the third hour missing.
    const lent = lentEquity(series, 100, series.time.slice(0, 2), [1, 1.01]);

    expect(lent[0]).toBeCloseTo(100);
    expect(lent[1]).toBeCloseTo(150 * 1.01);
    expect(lent[2]).toBeNull();
  });
});
