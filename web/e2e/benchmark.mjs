// Time to interactive of a backtest's run page (a one-year hourly run in BrowserTests), in headless Chromium: each
// load is a fresh browser context (empty cache) already signed in, timed from navigation start to the later of
//   content ready  the final equity card shown and every chart canvas drawn (a chart is drawn as it nears the view:
//                  at load, those in or near the first screen), and
//   last long task the end of the last main-thread task over 50 ms (PerformanceObserver 'longtask') before a quiet second.
// Checks that the page shows the run's summary.json and draws its charts; the time is reported, never asserted.
//   BASIS_E2E_RUN         the backtest's id (completed)
//   BASIS_WEB_BENCHMARK   how many loads (default 1); the figures of each, then the median
import { api, apiKey, baseUrl, chartInk, check, formatAmount, required, scenario, screenshot, step } from "./lib.mjs";

const id = required("BASIS_E2E_RUN");
const loads = Math.max(1, Number(process.env.BASIS_WEB_BENCHMARK ?? "1") || 1);

await scenario("benchmark", async ({ browser, context }) => {
  const summary = await api(context, `/api/v1/backtests/${encodeURIComponent(id)}/result`);
  const finalEquity = formatAmount(summary.final_equity, summary.share_class);
  const hours = Math.round((Date.parse(summary.end) - Date.parse(summary.start)) / 3_600_000);
  step(`${id}: ${summary.mode}, ${summary.start} → ${summary.end} (${hours.toLocaleString("en-US")} hours), final equity ${finalEquity}`);

  const results = [];
  for (let i = 0; i < loads; i++) {
    const fresh = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
    await fresh.addInitScript((key) => {
      sessionStorage.setItem("basis.apiKey", key);
      window.__longTasks = [];
      new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, end: e.startTime + e.duration })))).observe({
        type: "longtask",
        buffered: true,
      });
    }, apiKey);
    const page = await fresh.newPage();
    await page.goto(`/runs/${encodeURIComponent(id)}`);
    const ready = await page.waitForFunction(
      (expected) => {
        const card = [...document.querySelectorAll(".card")].find((c) => c.querySelector("dt")?.textContent === "Final equity");
        const canvases = [...document.querySelectorAll("figure.chart canvas")];
        if (!card || card.querySelector("dd")?.textContent !== expected || canvases.length < 2) {
          return false;
        }
        const drawn = canvases.every((canvas) => {
          const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
          for (let p = 3; p < data.length; p += 16) {
            if (data[p] > 0) return true;
          }
          return false;
        });
        return drawn ? performance.now() : false;
      },
      finalEquity,
      { polling: "raf", timeout: 30000 },
    );
    const contentReady = await ready.jsonValue();
    // A quiet second: no long task that ends in it.
    await page.waitForTimeout(1000);
    const longTasks = await page.evaluate(() => window.__longTasks);
    const lastLongTask = longTasks.reduce((end, task) => Math.max(end, task.end), 0);
    const interactive = Math.max(contentReady, lastLongTask);
    const blocked = longTasks.reduce((sum, task) => sum + (task.end - task.start), 0);
    const navigation = await page.evaluate(() => performance.getEntriesByType("navigation")[0]?.toJSON());
    // Where the time went: the API requests and scripts the page waited on, the slowest first.
    const requests = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((r) => ({ path: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd, size: r.encodedBodySize }))
        .sort((a, b) => b.end - b.start - (a.end - a.start))
        .slice(0, 4),
    );
    results.push({ interactive, contentReady, lastLongTask, blocked, longTasks: longTasks.length, domContentLoaded: navigation?.domContentLoadedEventEnd ?? 0 });
    step(
      `load ${i + 1}: interactive at ${interactive.toFixed(0)} ms (content ready ${contentReady.toFixed(0)} ms, DOMContentLoaded ${(navigation?.domContentLoadedEventEnd ?? 0).toFixed(0)} ms, ` +
        `${longTasks.length} long task(s), ${blocked.toFixed(0)} ms blocked); slowest requests: ` +
        requests.map((r) => `${r.path} ${r.start.toFixed(0)}-${r.end.toFixed(0)} ms (${(r.size / 1024).toFixed(0)} KiB)`).join(", "),
    );
    if (i === 0) {
      const ink = await chartInk(page);
      check(ink.every((chart) => chart.ink > 0), `an empty chart: ${JSON.stringify(ink)}`);
      await screenshot(page, "run-one-year");
    }
    await fresh.close();
  }

  const sorted = results.map((r) => r.interactive).sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  console.log(
    `BENCHMARK run page time to interactive (${hours.toLocaleString("en-US")} hours, headless Chromium, ${loads} cold load(s)): median ${median.toFixed(0)} ms, ` +
      `min ${sorted[0].toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms (target 1,000 ms)`,
  );
});
