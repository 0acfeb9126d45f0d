import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export interface Line {
  label: string;
  /** null is a gap (an infinite health factor, an hour without a value). */
  values: (number | null)[];
  color: string;
  /** Join the points across gaps: for sparse series such as funding, paid every few hours. */
  spanGaps?: boolean;
}

/** A uPlot chart of lines over time (Unix seconds), as wide as its container. */
export function TimeChart({ title, time, lines, format }: { title: string; time: number[]; lines: Line[]; format: (value: number) => string }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) {
      return;
    }

    const plot = new uPlot(
      {
        width: element.clientWidth,
        height: 260,
        series: [{}, ...lines.map((line) => ({ label: line.label, stroke: line.color, width: 1.5, spanGaps: line.spanGaps ?? false, value: (_: uPlot, v: number | null) => (v === null ? "" : format(v)) }))],
        axes: [{}, { size: 90, values: (_: uPlot, ticks: number[]) => ticks.map(format) }],
        cursor: { sync: { key: "run" } },
      },
      [time, ...lines.map((line) => line.values)],
      element,
    );
    // The observer also reports the size the chart was just drawn at: only a new width is worth drawing again.
    let width = element.clientWidth;
    const resize = new ResizeObserver(() => {
      if (element.clientWidth !== width) {
        width = element.clientWidth;
        plot.setSize({ width, height: 260 });
      }
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [time, lines, format]);

  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div ref={container} />
    </figure>
  );
}
