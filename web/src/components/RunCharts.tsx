import { useMemo } from "react";
import type { ApiClient, BacktestChart, StrategyBenchmark } from "../api/client";
import { chartTimeseries, columnGroups, lentEquity, type RunEvent, type Summary, type Timeseries } from "../api/results";
import { formatNumber, formatPercent } from "../format";
import { useApi, type Loaded } from "../useApi";
import { MonthlyReturns } from "./MonthlyReturns";
import { ErrorMessage, Loading } from "./Status";
import { TimeChart, type Line } from "./TimeChart";

const palette = ["#2563eb", "#16a34a", "#dc2626", "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#db2777", "#4b5563", "#65a30d", "#7c3aed"];

function lines(series: Timeseries, names: string[], label: (name: string) => string = (name) => name): Line[] {
  return names.map((name, i) => ({ label: label(name), values: series.columns.get(name)!, color: palette[i % palette.length]! }));
}

/**
 * Everything timeseries.csv holds, charted: equity against holding the share class's asset and lending on AAVE (the
 * asset itself, and for ETH also USDT, where the data has them), drawdown, cumulative P&L by source, AAVE health
 * factor and LTV, margin ratio per perp, net delta, positions; the funding rate per venue from the funding events; and
 * the monthly returns. A chart whose columns the run lacks is left out. The hours come thinned
 * for drawing (GET …/chart: a year of timeseries.csv is 3.8 MB), the monthly returns from each month's last hour as it
 * is. Loaded on its own: uPlot is a separate chunk; the chart's series is read by the page meanwhile.
 */
export default function RunCharts({
  client,
  summary,
  chart,
  events,
  benchmark: early,
}: {
  client: ApiClient;
  summary: Summary;
  chart: Loaded<BacktestChart | null>;
  events: Loaded<RunEvent[]>;
  /** The benchmark as the page asked for it early; without it (or without an answer), asked for here. */
  benchmark: Promise<StrategyBenchmark | null> | null;
}) {
  const series = useMemo(() => (chart.state === "ready" && chart.data ? chartTimeseries(chart.data.drawn) : null), [chart]);
  const monthEnds = useMemo(() => (chart.state === "ready" && chart.data ? chartTimeseries(chart.data.month_ends) : null), [chart]);
  // The lending benchmarks are lines more: without them (no data for a reserve), the charts still show.
  const benchmark = useApi(
    async () => (await early) ?? (await client.strategyBenchmark(summary.mode, summary.start, summary.end).catch(() => null)),
    [client, early, summary.mode, summary.start, summary.end],
  );
  const unit = summary.share_class;
  const amount = useMemo(() => (value: number) => formatNumber(value, unit === "ETH" ? 4 : 0), [unit]);
  // Apart from the equity chart's, no line depends on the benchmark: its late answer redraws that chart alone.
  const charts = useMemo(() => {
    if (!series) {
      return null;
    }

    const groups = columnGroups(series, Object.keys(summary.attribution));
    return {
      drawdown: lines(series, ["drawdown"]),
      attribution: lines(series, groups.attribution.filter((source) => series.columns.get(source)!.some((value) => value !== 0))),
      healthFactor: lines(series, groups.risk.filter((name) => name === "health_factor"), () => "Health factor"),
      ltv: lines(series, groups.risk.filter((name) => name === "ltv"), () => "LTV"),
      margin: lines(series, groups.margin, (name) => name.slice("margin_ratio_".length)),
      delta: lines(series, series.columns.has("net_delta") ? ["net_delta"] : []),
      positions: [...groups.positions].map(([asset, names]) => ({ asset, lines: lines(series, names) })),
    };
  }, [series, summary]);
  const equity = useMemo(() => {
    if (!series) {
      return null;
    }

    const flows = series.columns.get("net_flows");
    // Holding the share class's asset earns nothing in its own unit: the capital plus whatever was deposited.
    const hold = series.time.map((_, i) => summary.initial_capital + (flows?.[i] ?? 0));
    const lent = benchmark.state === "ready" && benchmark.data ? benchmark.data.benchmarks.filter((b) => b.time.length > 0) : [];
    return [
      { label: `Equity (${unit})`, values: series.columns.get("equity")!, color: palette[0]! },
      { label: `Holding ${unit}`, values: hold, color: palette[8]! },
      ...lent.map((b, i) => ({
        label: `${b.benchmark[0]!.toUpperCase()}${b.benchmark.slice(1)}`,
        values: lentEquity(series, summary.initial_capital, b.time.map(Number), b.growth.map(Number)),
        color: palette[6 + i]!,
      })),
    ];
  }, [series, summary, unit, benchmark]);
  const funding = useMemo(() => (events.state === "ready" ? fundingRates(events.data) : null), [events]);

  if (chart.state === "loading") {
    return <Loading what="the time series" />;
  }

  if (chart.state === "error") {
    return <ErrorMessage error={chart.error} />;
  }

  if (!series || !monthEnds || !charts || !equity) {
    return null;
  }

  const plain = significant;
  return (
    <>
      <TimeChart title={`Equity against holding ${unit} and lending on AAVE (${unit})`} time={series.time} lines={equity} format={amount} />
      <TimeChart title="Drawdown" time={series.time} lines={charts.drawdown} format={formatPercent} />
      <TimeChart title={`Cumulative P&L by source (${unit})`} time={series.time} lines={charts.attribution} format={amount} />
      {charts.healthFactor.length > 0 && <TimeChart title="AAVE health factor (liquidation at 1)" time={series.time} lines={charts.healthFactor} format={plain} />}
      {charts.ltv.length > 0 && <TimeChart title="AAVE loan-to-value" time={series.time} lines={charts.ltv} format={formatPercent} />}
      {charts.margin.length > 0 && <TimeChart title="Margin ratio per venue and perp" time={series.time} lines={charts.margin} format={formatPercent} />}
      {charts.delta.length > 0 && <TimeChart title="Net delta (units of the mode's asset)" time={series.time} lines={charts.delta} format={plain} />}
      {funding && funding.lines.length > 0 && (
        <TimeChart title="Funding rate per venue (per funding period)" time={funding.time} lines={funding.lines} format={formatPercent} />
      )}
      {charts.positions.map(({ asset, lines }) => (
        <TimeChart key={asset} title={`Positions in ${asset} (units)`} time={series.time} lines={lines} format={plain} />
      ))}
      <MonthlyReturns series={monthEnds} initialCapital={summary.initial_capital} />
    </>
  );
}

/** A figure of any size to four significant digits: a net delta of 1e-5 reads as such, a health factor as 1.045. */
const fourDigits = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 4 });
const significant = (value: number) => fourDigits.format(value);

/** The funding events' rates, one line per perp, on the hours any perp paid (a venue's other hours are gaps it spans). */
function fundingRates(events: RunEvent[]): { time: number[]; lines: Line[] } {
  const byInstrument = new Map<string, Map<number, number>>();
  for (const event of events) {
    if (event.type === "funding" && typeof event.rate === "number") {
      const instrument = String(event.instrument);
      const rates = byInstrument.get(instrument) ?? new Map<number, number>();
      rates.set(Date.parse(event.time) / 1000, event.rate);
      byInstrument.set(instrument, rates);
    }
  }

  const time = [...new Set([...byInstrument.values()].flatMap((rates) => [...rates.keys()]))].sort((a, b) => a - b);
  const lines = [...byInstrument].map(([instrument, rates], i): Line => ({
    label: instrument,
    values: time.map((t) => rates.get(t) ?? null),
    color: palette[i % palette.length]!,
    spanGaps: true,
  }));
  return { time, lines };
}
