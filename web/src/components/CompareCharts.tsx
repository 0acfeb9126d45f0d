import { useMemo } from "react";
import type { ApiClient } from "../api/client";
import { parseTimeseries, type Summary } from "../api/results";
import { formatPercent } from "../format";
import { useApi } from "../useApi";
import { ErrorMessage, Loading } from "./Status";
import { TimeChart, type Line } from "./TimeChart";

const palette = ["#2563eb", "#16a34a", "#dc2626", "#9333ea", "#ea580c"];

/**
 * The runs' equity overlaid, each as its return on its initial capital (runs of different capital or share class
 * then share one axis), on the union of their hours. A sweep's run has no time series and is left out, saying so.
 */
export default function CompareCharts({ client, summaries }: { client: ApiClient; summaries: Summary[] }) {
  const csvs = useApi(
    () => Promise.all(summaries.map((s) => client.backtestTimeseries(s.run_id).then((csv) => csv, () => null))),
    [client, summaries],
  );
  const chart = useMemo(() => {
    if (csvs.state !== "ready") {
      return null;
    }

    const runs = summaries.map((summary, i) => ({ summary, series: csvs.data[i] ? parseTimeseries(csvs.data[i]!) : null }));
    const time = [...new Set(runs.flatMap((run) => run.series?.time ?? []))].sort((a, b) => a - b);
    const lines = runs
      .filter((run) => run.series)
      .map(({ summary, series }, i): Line => {
        const equity = new Map(series!.time.map((t, j) => [t, series!.columns.get("equity")![j]!]));
        return {
          label: summary.run_id,
          values: time.map((t) => (equity.has(t) ? equity.get(t)! / summary.initial_capital - 1 : null)),
          color: palette[i % palette.length]!,
        };
      });
    return { time, lines, missing: runs.filter((run) => !run.series).map((run) => run.summary.run_id) };
  }, [csvs, summaries]);

  if (csvs.state === "loading") return <Loading what="the time series" />;
  if (csvs.state === "error") return <ErrorMessage error={csvs.error} />;
  return (
    chart && (
      <>
        <TimeChart title="Equity overlaid: return on initial capital" time={chart.time} lines={chart.lines} format={formatPercent} />
        {chart.missing.length > 0 && <p className="hint">No time series kept for {chart.missing.join(", ")} (a sweep keeps its runs' summaries only).</p>}
      </>
    )
  );
}
