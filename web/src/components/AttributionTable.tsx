import type { Summary } from "../api/results";
import { formatAmount } from "../format";

/** Each source's total P&L over the run, and the residual (floating-point error only). */
export function AttributionTable({ summary }: { summary: Summary }) {
  const rows = Object.entries(summary.attribution).filter(([, total]) => total !== 0);
  return (
    <table className="attribution">
      <caption>P&L by source</caption>
      <tbody>
        {rows.map(([source, total]) => (
          <tr key={source}>
            <th scope="row">{source}</th>
            <td className={total < 0 ? "negative" : undefined}>{formatAmount(total, summary.share_class)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">residual</th>
          <td>{summary.attribution_residual.toExponential(2)}</td>
        </tr>
      </tbody>
    </table>
  );
}
