import { useMemo } from "react";
import type { ApiClient } from "../api/client";
import { parseTimeseries, type Summary } from "../api/results";
import { formatNumber, formatPercent } from "../format";
import { useApi } from "../useApi";
import { ErrorMessage, Loading } from "./Status";
import { TimeChart, type Line } from "./TimeChart";

const palette = ["#2563eb", "#16a34a", "#dc2626", "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#db2777", "#4b5563", "#65a30d", "#7c3aed"];

/** Equity, drawdown and cumulative attribution by source over the run (loaded on its own: uPlot is a separate chunk). */
export default function RunCharts({ client, summary }: { client: ApiClient; summary: Summary }) {
  const csv = useApi(() => client.backtestTimeseries(summary.run_id), [client, summary.run_id]);
  const series = useMemo(
    () => (csv.state === "ready" ? parseTimeseries(csv.data, Object.keys(summary.attribution)) : null),
    [csv, summary.attribution],
  );
  const amount = useMemo(() => (value: number) => formatNumber(value, summary.share_class === "ETH" ? 4 : 0), [summary.share_class]);
  const lines = useMemo(() => {
    if (!series) {
      return null;
    }

    const sources = [...series.attribution].filter(([, values]) => values.some((value) => value !== 0));
    return {
      equity: [{ label: `Equity (${summary.share_class})`, values: series.equity, color: palette[0]! }],
      drawdown: [{ label: "Drawdown", values: series.drawdown, color: palette[2]! }],
      attribution: sources.map(([source, values], i): Line => ({ label: source, values, color: palette[i % palette.length]! })),
    };
  }, [series, summary.share_class]);

  if (csv.state === "loading") {
    return <Loading what="the time series" />;
  }

  if (csv.state === "error") {
    return <ErrorMessage error={csv.error} />;
  }

  return (
    series &&
    lines && (
      <>
        <TimeChart title={`Equity (${summary.share_class})`} time={series.time} lines={lines.equity} format={amount} />
        <TimeChart title="Drawdown" time={series.time} lines={lines.drawdown} format={formatPercent} />
        <TimeChart title={`Cumulative P&L by source (${summary.share_class})`} time={series.time} lines={lines.attribution} format={amount} />
      </>
    )
  );
}
