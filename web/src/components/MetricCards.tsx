import type { Summary } from "../api/results";
import { formatAmount, formatNumber, formatPercent } from "../format";

/** The headline figures of summary.json as label and text, amounts in the share class's unit. */
export function metrics(summary: Summary): [string, string][] {
  const amount = (value: number) => formatAmount(value, summary.share_class);
  return [
    ["Final equity", amount(summary.final_equity)],
    ["P&L", amount(summary.pnl)],
    ["Total return", formatPercent(summary.total_return)],
    ["APR / APY", `${formatPercent(summary.apr)} / ${formatPercent(summary.apy)}`],
    ["Max drawdown", `${formatPercent(summary.max_drawdown)} (${summary.max_drawdown_duration_hours} h under water)`],
    ["Sharpe / Sortino", `${formatNumber(summary.sharpe)} / ${formatNumber(summary.sortino)}`],
    ["Volatility", formatPercent(summary.volatility)],
    ["Funding received", amount(summary.funding_received)],
    ["Rebalances / trades / liquidations", `${summary.rebalances} / ${summary.trades} / ${summary.liquidations}`],
  ];
}

/** The headline figures of summary.json, as cards. */
export function MetricCards({ summary }: { summary: Summary }) {
  const cards = metrics(summary);
  return (
    <dl className="cards">
      {cards.map(([label, value]) => (
        <div key={label} className="card">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
