import { monthlyReturns, type Timeseries } from "../api/results";
import { formatPercent } from "../format";
import { ScrollBox } from "./ScrollBox";

/** Each calendar month's return (flows left out), a row per year and a column per month. */
export function MonthlyReturns({ series, initialCapital }: { series: Timeseries; initialCapital: number }) {
  const months = monthlyReturns(series, initialCapital);
  const years = [...new Set(months.map((m) => m.month.slice(0, 4)))];
  const names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const value = new Map(months.map((m) => [m.month, m.value]));
  return (
    <ScrollBox label="Monthly returns">
      <table className="monthly">
        <caption>Monthly returns</caption>
        <thead>
          <tr>
            <th scope="col">Year</th>
            {names.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {years.map((year) => (
            <tr key={year}>
              <th scope="row">{year}</th>
              {names.map((name, i) => {
                const month = value.get(`${year}-${String(i + 1).padStart(2, "0")}`);
                return (
                  <td key={name} className={month !== undefined && month < 0 ? "negative" : undefined}>
                    {month === undefined ? "" : formatPercent(month)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
