import { lazy, Suspense } from "react";
import type { ApiClient } from "../api/client";
import type { Summary } from "../api/results";
import { metrics } from "../components/MetricCards";
import { ErrorMessage, Loading } from "../components/Status";
import { formatAmount, formatTime } from "../format";
import { Link } from "../router";
import { useApi } from "../useApi";
import { ScrollBox } from "../components/ScrollBox";

const CompareCharts = lazy(() => import("../components/CompareCharts"));

/** Two to five runs side by side: their returns overlaid, their figures and their P&L by source. */
export default function ComparePage({ client, ids }: { client: ApiClient; ids: string[] }) {
  const summaries = useApi(() => Promise.all(ids.map((id) => client.backtestResult(id))), [client, ids.join(",")]);
  return (
    <>
      <h1>Comparing {ids.length} runs</h1>
      {summaries.state === "loading" && <Loading what="the runs' results" />}
      {summaries.state === "error" && <ErrorMessage error={summaries.error} />}
      {summaries.state === "ready" && <Comparison client={client} summaries={summaries.data} />}
    </>
  );
}

function Comparison({ client, summaries }: { client: ApiClient; summaries: Summary[] }) {
  const rows = summaries.map(metrics);
  const sources = [...new Set(summaries.flatMap((s) => Object.keys(s.attribution)))].filter((source) => summaries.some((s) => (s.attribution[source] ?? 0) !== 0));
  const header = (rows: string) => (
    <thead>
      <tr>
        <th scope="col">{rows}</th>
        {summaries.map((s) => (
          <th key={s.run_id} scope="col">
            <Link to={`/runs/${encodeURIComponent(s.run_id)}`}>{s.run_id}</Link>
          </th>
        ))}
      </tr>
    </thead>
  );
  return (
    <>
      <Suspense fallback={<Loading what="the chart" />}>
        <CompareCharts client={client} summaries={summaries} />
      </Suspense>
      <ScrollBox label="Metrics side by side">
        <table className="compare">
          <caption>Metrics side by side</caption>
          {header("Figure")}
          <tbody>
            <tr>
              <th scope="row">Mode</th>
              {summaries.map((s) => (
                <td key={s.run_id}>
                  {s.mode} ({s.share_class})
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Period</th>
              {summaries.map((s) => (
                <td key={s.run_id}>
                  {formatTime(s.start)} → {formatTime(s.end)}
                </td>
              ))}
            </tr>
            {rows[0]!.map(([label], i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {rows.map((run, j) => (
                  <td key={summaries[j]!.run_id}>{run[i]![1]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <ScrollBox label={"P&L by source side by side"}>
        <table className="compare">
          <caption>P&L by source side by side</caption>
          {header("Source")}
          <tbody>
            {sources.map((source) => (
              <tr key={source}>
                <th scope="row">{source}</th>
                {summaries.map((s) => {
                  const value = s.attribution[source] ?? 0;
                  return (
                    <td key={s.run_id} className={value < 0 ? "negative" : undefined}>
                      {formatAmount(value, s.share_class)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </>
  );
}
