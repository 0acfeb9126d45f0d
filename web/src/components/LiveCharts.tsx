import { useMemo } from "react";
import type { LivePerformance } from "../api/client";
import { formatNumber, formatPercent, toNumber } from "../format";
import { TimeChart } from "./TimeChart";

/** A live instance's equity and drawdown by cycle (uPlot: loaded on its own, like the run charts). */
export default function LiveCharts({ performance }: { performance: LivePerformance }) {
  const unit = performance.share_class;
  const data = useMemo(() => {
    const series = performance.series;
    return {
      time: series.map((point) => Date.parse(point.cycle_utc) / 1000),
      equity: [{ label: `Equity (${unit})`, values: series.map((point) => toNumber(point.equity)), color: "#2563eb" }],
      // A fraction of the high-water mark (0.05 = 5 %), drawn as the API gives it.
      drawdown: [{ label: "Drawdown", values: series.map((point) => toNumber(point.drawdown)), color: "#dc2626" }],
    };
  }, [performance.series, unit]);
  const amount = useMemo(() => (value: number) => formatNumber(value, unit === "ETH" ? 4 : 0), [unit]);

  return (
    <>
      <TimeChart title={`Equity (${unit})`} time={data.time} lines={data.equity} format={amount} />
      <TimeChart title="Drawdown" time={data.time} lines={data.drawdown} format={formatPercent} />
    </>
  );
}
