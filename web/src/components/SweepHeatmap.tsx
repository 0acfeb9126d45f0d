import type { MouseEvent } from "react";
import type { SweepOutcome } from "../api/results";
import { formatNumber } from "../format";
import { navigate } from "../router";
import { ScrollBox } from "./ScrollBox";

/** The two settings a two-parameter grid varies and their values, in order; null for any other sweep. */
export interface GridAxes {
  keys: [string, string];
  xs: string[];
  ys: string[];
}

function ordered(values: string[]): string[] {
  const unique = [...new Set(values)];
  return unique.every((v) => Number.isFinite(Number(v))) ? unique.sort((a, b) => Number(a) - Number(b)) : unique.sort();
}

/** The parameters that differ between a sweep's runs (its grid's settings, and mode or period when several). */
export function varyingKeys(outcome: SweepOutcome): string[] {
  const runs = [...outcome.ranking, ...outcome.failures];
  return [...new Set(runs.flatMap((run) => Object.keys(run.parameters)))].filter((key) => new Set(runs.map((run) => run.parameters[key])).size > 1);
}

export function gridAxes(outcome: SweepOutcome): GridAxes | null {
  const runs = [...outcome.ranking, ...outcome.failures];
  const keys = varyingKeys(outcome);
  if (keys.length !== 2) {
    return null;
  }

  const [x, y] = keys as [string, string];
  return { keys: [x, y], xs: ordered(runs.map((run) => run.parameters[x]!)), ys: ordered(runs.map((run) => run.parameters[y]!)) };
}

const cell = { width: 84, height: 40 };
const margin = { left: 110, top: 30, bottom: 44 };

/**
 * A two-parameter grid as a heatmap of the ranking figure: one cell per run, greener the better it ranks, failed runs
 * grey; each cell links to its run (focusable, named by its settings and figure).
 */
export function SweepHeatmap({ outcome, axes }: { outcome: SweepOutcome; axes: GridAxes }) {
  const [x, y] = axes.keys;
  const at = (run: { parameters: Record<string, string> }) => `${run.parameters[x]}|${run.parameters[y]}`;
  const ranked = new Map(outcome.ranking.map((run) => [at(run), run]));
  const failed = new Map(outcome.failures.map((run) => [at(run), run]));
  const values = outcome.ranking.map((run) => run.value).filter((v): v is number => v !== null);
  const [low, high] = [Math.min(...values), Math.max(...values)];
  // 0 for the worst figure, 1 for the best, whichever way the sweep ranks.
  const goodness = (value: number) => {
    const t = high === low ? 1 : (value - low) / (high - low);
    return outcome.ascending ? 1 - t : t;
  };
  const width = margin.left + axes.xs.length * cell.width;
  const height = margin.top + axes.ys.length * cell.height + margin.bottom;
  const open = (event: MouseEvent, runId: string) => {
    event.preventDefault();
    navigate(`/runs/${encodeURIComponent(runId)}`);
  };

  return (
    <figure className="heatmap">
      <figcaption id="heatmap-caption">
        {outcome.rankBy} by {x} (across) and {y} (down): greener ranks better; grey failed
      </figcaption>
      <ScrollBox label="Heatmap">
        <svg role="group" aria-labelledby="heatmap-caption" width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
          {axes.xs.map((value, i) => (
            <text key={value} x={margin.left + (i + 0.5) * cell.width} y={margin.top + axes.ys.length * cell.height + 18} textAnchor="middle">
              {value}
            </text>
          ))}
          <text x={margin.left + (axes.xs.length * cell.width) / 2} y={height - 4} textAnchor="middle" className="axis-name">
            {x}
          </text>
          <text x={4} y={16} className="axis-name">
            {y}
          </text>
          {axes.ys.map((value, j) => (
            <text key={value} x={margin.left - 8} y={margin.top + (j + 0.5) * cell.height + 5} textAnchor="end">
              {value}
            </text>
          ))}
          {axes.ys.flatMap((yValue, j) =>
            axes.xs.map((xValue, i) => {
              const key = `${xValue}|${yValue}`;
              const run = ranked.get(key);
              const failure = failed.get(key);
              const target = run ?? failure;
              if (!target) {
                return null;
              }

              const text = run ? (run.value === null ? "n/a" : formatNumber(run.value, 3)) : "failed";
              const fill = run && run.value !== null ? `hsl(${goodness(run.value) * 120} 65% 72%)` : "#d1d5db";
              return (
                <a
                  key={key}
                  href={`/runs/${encodeURIComponent(target.runId)}`}
                  onClick={(event) => open(event, target.runId)}
                  aria-label={`${x}=${xValue}, ${y}=${yValue}: ${outcome.rankBy} ${text}${run ? `, rank ${run.rank}` : ""}`}
                >
                  <rect x={margin.left + i * cell.width + 1} y={margin.top + j * cell.height + 1} width={cell.width - 2} height={cell.height - 2} fill={fill} />
                  <text x={margin.left + (i + 0.5) * cell.width} y={margin.top + (j + 0.5) * cell.height + 5} textAnchor="middle">
                    {text}
                  </text>
                </a>
              );
            }),
          )}
        </svg>
      </ScrollBox>
    </figure>
  );
}
