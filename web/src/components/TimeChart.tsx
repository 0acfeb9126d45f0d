import { useEffect, useRef, useState, type RefObject } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

const height = 260;

export interface Line {
  label: string;
  /** null is a gap (an infinite health factor, an hour without a value). */
  values: (number | null)[];
  color: string;
  /** Join the points across gaps: for sparse series such as funding, paid every few hours. */
  spanGaps?: boolean;
}

/**
 * A uPlot chart of lines over time (Unix seconds), as wide as its container. It is drawn once it comes within half a
 * screen of the view: a year's run page holds a dozen charts, most of them below the fold.
 */
export function TimeChart({ title, time, lines, format }: { title: string; time: number[]; lines: Line[]; format: (value: number) => string }) {
  const container = useRef<HTMLDivElement>(null);
  const near = useNearView(container);
  useEffect(() => {
    const element = container.current;
    if (!element || !near) {
      return;
    }

    const plot = new uPlot(
      {
        width: element.clientWidth,
        height,
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
        plot.setSize({ width, height });
      }
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [near, time, lines, format]);

  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      {/* The chart's height is kept before it is drawn, so the page does not jump as charts appear. */}
      <div ref={container} style={{ minHeight: height }} />
    </figure>
  );
}

/** True from the moment `element` comes within half a screen of the view. */
function useNearView(element: RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (near || !element.current) {
      return;
    }

    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
        }
      },
      { rootMargin: "50% 0px" },
    );
    observer.observe(element.current);
    return () => observer.disconnect();
  }, [element, near]);
  return near;
}
