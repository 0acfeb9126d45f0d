import type { Summary } from "../api/results";
import { formatAmount, formatNumber, formatPercent } from "../format";

/** The headline figures of summary.json, amounts in the share class's unit. */
export function MetricCards({ summary }: { summary: Summary }) {
  const amount = (value: number) => formatAmount(value, summary.share_class);
  const cards: [string, string][] = [
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
